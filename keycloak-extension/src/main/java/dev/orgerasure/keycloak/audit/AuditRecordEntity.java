package dev.orgerasure.keycloak.audit;

import dev.orgerasure.contract.TenantKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/**
 * One lifecycle event of one erasure, the minimal evidence that it happened: who asked, for which
 * organisation of which realm, what was erased and whether the requester was told. It holds copies,
 * never references, so it outlives the organisation, its users and the realm. Its columns serve the
 * queries; what the log proves is {@code RECORD_JSON}, the canonical record its leaf hash is taken
 * of (docs/audit.md).
 */
@Entity
@Table(name = "ORG_ERASURE_AUDIT")
@NamedQueries({
  @NamedQuery(
      name = "AuditRecord.findByRequestAndEvent",
      query =
          "select a from AuditRecordEntity a where a.requestId = :requestId and a.event = :event"),
  @NamedQuery(
      name = "AuditRecord.unsealed",
      query = "select a from AuditRecordEntity a where a.leafHash is null order by a.sequence"),
  @NamedQuery(
      name = "AuditRecord.page",
      query =
          "select a from AuditRecordEntity a where a.sequence > :after and a.sequence <= :upTo"
              + " order by a.sequence"),
  @NamedQuery(
      name = "AuditRecord.leafHashes",
      query =
          "select a.leafHash from AuditRecordEntity a where a.sequence <= :upTo"
              + " order by a.sequence"),
  @NamedQuery(
      name = "AuditRecord.ofRequest",
      query =
          "select a from AuditRecordEntity a where a.requestId = :requestId order by a.sequence")
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

  /** Only on records written before addresses were logged as digests. */
  @Column(name = "REQUESTER_EMAIL")
  private String requesterEmail;

  /** The requester's address as the record names it ({@link EmailDigest}). */
  @Column(name = "REQUESTER_EMAIL_DIGEST", length = 120)
  private String requesterEmailDigest;

  @Column(name = "MEMBER_COUNT", nullable = false)
  private long memberCount;

  @Column(name = "COUNTS", length = 4000, nullable = false)
  private String counts;

  @Column(name = "NOTIFICATION_SENT", nullable = false)
  private boolean notificationSent;

  /** Only on records written before addresses were logged as digests. */
  @Column(name = "NOTIFIED_TO")
  private String notifiedTo;

  @Column(name = "NOTIFIED_TO_DIGEST", length = 120)
  private String notifiedToDigest;

  @Column(name = "NOTIFICATION_ERROR", length = 1000)
  private String notificationError;

  @Column(name = "STATUS", length = 32, nullable = false)
  private String status;

  @Column(name = "RECORD_JSON", length = 16000)
  private String recordJson;

  @Column(name = "LEAF_HASH", length = 64)
  private String leafHash;

  /** Null on records written before tenants could be groups: those were organisations. */
  @Enumerated(EnumType.STRING)
  @Column(name = "TENANT_KIND", length = 16)
  private TenantKind tenantKind;

  protected AuditRecordEntity() {}

  public TenantKind getTenantKind() {
    return TenantKind.orDefault(tenantKind);
  }

  AuditRecordEntity(long sequence, long recordedAt, AuditEvent event) {
    this.id = UUID.randomUUID().toString();
    this.sequence = sequence;
    this.recordedAt = recordedAt;
    this.event = event.event();
    this.requestId = Objects.requireNonNull(event.requestId());
    this.realmId = Objects.requireNonNull(event.realmId());
    this.realmName = Objects.requireNonNull(event.realmName());
    this.tenantKind = Objects.requireNonNull(event.tenantKind());
    this.organizationId = Objects.requireNonNull(event.organizationId());
    this.organizationName = Objects.requireNonNull(event.organizationName());
    this.requesterId = Objects.requireNonNull(event.requesterId());
    this.requesterEmailDigest = EmailDigest.of(event.requesterEmail());
    this.memberCount = event.memberCount();
    this.counts = Objects.requireNonNull(event.counts());
    this.notificationSent = event.notifiedTo() != null;
    this.notifiedToDigest = EmailDigest.of(event.notifiedTo());
    this.notificationError = event.notificationError();
    this.status = Objects.requireNonNull(event.status());
  }

  /** Its place in the log: the canonical record and that record's leaf hash. */
  void seal(String recordJson, String leafHash) {
    this.recordJson = recordJson;
    this.leafHash = leafHash;
  }

  public String getId() {
    return id;
  }

  public long getSequence() {
    return sequence;
  }

  public long getRecordedAt() {
    return recordedAt;
  }

  public String getEvent() {
    return event;
  }

  public String getRequestId() {
    return requestId;
  }

  public String getRealmId() {
    return realmId;
  }

  public String getRealmName() {
    return realmName;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public String getRequesterId() {
    return requesterId;
  }

  public String getRequesterEmail() {
    return requesterEmail;
  }

  public String getRequesterEmailDigest() {
    return requesterEmailDigest;
  }

  public long getMemberCount() {
    return memberCount;
  }

  public String getCounts() {
    return counts;
  }

  public String getNotifiedTo() {
    return notifiedTo;
  }

  public String getNotifiedToDigest() {
    return notifiedToDigest;
  }

  public String getNotificationError() {
    return notificationError;
  }

  public String getStatus() {
    return status;
  }

  public String getRecordJson() {
    return recordJson;
  }

  public String getLeafHash() {
    return leafHash;
  }
}
