package dev.orgerasure.keycloak.erasure;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The last steps in Keycloak: which node holds the erasure (a lease, so another may resume it after
 * a crash), what was deleted so far, and the end.
 */
@Embeddable
public class Finishing {

  @Column(name = "IDENTITIES_DELETED", nullable = false)
  private long identitiesDeleted;

  @Column(name = "LOGIN_EVENTS_DELETED", nullable = false)
  private long loginEventsDeleted;

  @Column(name = "COMPLETED_AT")
  private Long completedAt;

  @Column(name = "AUDIT_RECORD_ID", length = 36)
  private String auditRecordId;

  void deleted(long identities, long loginEvents) {
    identitiesDeleted += identities;
    loginEventsDeleted += loginEvents;
  }

  void completed(String auditRecordId, long at) {
    this.auditRecordId = auditRecordId;
    this.completedAt = at;
  }

  public long identitiesDeleted() {
    return identitiesDeleted;
  }

  public long loginEventsDeleted() {
    return loginEventsDeleted;
  }

  public Long completedAt() {
    return completedAt;
  }

  public String auditRecordId() {
    return auditRecordId;
  }
}
