package dev.orgerasure.keycloak.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/**
 * One lifecycle event of one erasure, the minimal evidence that it happened: who asked, for which
 * organisation of which realm, what was erased and whether the requester was told. It holds copies,
 * never references, so it outlives the organisation, its users and the realm. The hash and
 * signature columns stay empty until the log is made tamper-evident.
 */
@Entity
@Table(name = "ORG_ERASURE_AUDIT")
@NamedQueries({
  @NamedQuery(
      name = "AuditRecord.findByRequestAndEvent",
      query =
          "select a from AuditRecordEntity a where a.requestId = :requestId and a.event = :event"),
  @NamedQuery(
      name = "AuditRecord.lastSequence",
      query = "select max(a.sequence) from AuditRecordEntity a")
})
public class AuditRecordEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "SEQ", nullable = false, unique = true)
  private long sequence;

  @Column(name = "RECORDED_AT", nullable = false)
  private long recordedAt;

  @Column(name = "EVENT", length = 32, nullable = false)
  private String event;

  @Column(name = "REQUEST_ID", length = 36, nullable = false)
  private String requestId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "REALM_NAME", nullable = false)
  private String realmName;

  @Column(name = "ORGANIZATION_ID", length = 36, nullable = false)
  private String organizationId;

  @Column(name = "ORGANIZATION_NAME", nullable = false)
  private String organizationName;

  @Column(name = "REQUESTER_ID", length = 36, nullable = false)
  private String requesterId;

  @Column(name = "REQUESTER_EMAIL")
  private String requesterEmail;

  @Column(name = "MEMBER_COUNT", nullable = false)
  private long memberCount;

  @Column(name = "COUNTS", length = 4000, nullable = false)
  private String counts;

  @Column(name = "NOTIFICATION_SENT", nullable = false)
  private boolean notificationSent;

  @Column(name = "NOTIFIED_TO")
  private String notifiedTo;

  @Column(name = "NOTIFICATION_ERROR", length = 1000)
  private String notificationError;

  @Column(name = "STATUS", length = 32, nullable = false)
  private String status;

  @Column(name = "PREVIOUS_HASH", length = 64)
  private String previousHash;

  @Column(name = "HASH", length = 64)
  private String hash;

  @Column(name = "SIGNATURE", length = 1024)
  private String signature;

  protected AuditRecordEntity() {}

  AuditRecordEntity(long sequence, long recordedAt, AuditEvent event) {
    this.id = UUID.randomUUID().toString();
    this.sequence = sequence;
    this.recordedAt = recordedAt;
    this.event = event.event();
    this.requestId = Objects.requireNonNull(event.requestId());
    this.realmId = Objects.requireNonNull(event.realmId());
    this.realmName = Objects.requireNonNull(event.realmName());
    this.organizationId = Objects.requireNonNull(event.organizationId());
    this.organizationName = Objects.requireNonNull(event.organizationName());
    this.requesterId = Objects.requireNonNull(event.requesterId());
    this.requesterEmail = event.requesterEmail();
    this.memberCount = event.memberCount();
    this.counts = Objects.requireNonNull(event.counts());
    this.notificationSent = event.notifiedTo() != null;
    this.notifiedTo = event.notifiedTo();
    this.notificationError = event.notificationError();
    this.status = Objects.requireNonNull(event.status());
  }

  public String getId() {
    return id;
  }
}
