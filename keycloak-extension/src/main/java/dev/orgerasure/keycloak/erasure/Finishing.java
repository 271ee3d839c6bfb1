package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.contract.ContractLimits;
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

  /** Why the last attempt to finish failed; it is tried again once its lease runs out. */
  @Column(name = "FINISH_ERROR", length = ContractLimits.ERROR_MAX_CHARS)
  private String lastError;

  void deleted(long identities, long loginEvents) {
    identitiesDeleted += identities;
    loginEventsDeleted += loginEvents;
  }

  void completed(String auditRecordId, long at) {
    this.auditRecordId = auditRecordId;
    this.completedAt = at;
    this.lastError = null;
  }

  void failed(String error) {
    lastError = ContractLimits.truncatedError(error);
  }

  public String lastError() {
    return lastError;
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
