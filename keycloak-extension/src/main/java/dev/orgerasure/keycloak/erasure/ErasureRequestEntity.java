package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.contract.ContractLimits;
import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.TenantKind;
import dev.orgerasure.keycloak.audit.AuditEvent;
import dev.orgerasure.keycloak.audit.AuditEventType;
import dev.orgerasure.keycloak.support.ContractJson;
import dev.orgerasure.keycloak.tenant.TenantClosure;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One erasure of one organisation, kept in Keycloak's database: the request and its state, with the
 * hand-over, the finishing and the notice as parts of their own. {@code activeOrganizationId} is
 * unique and set while the erasure may still act on the organisation: that is what makes concurrent
 * submits for one organisation end in a single request.
 */
@Entity
@Table(name = "ORG_ERASURE_REQUEST")
@NamedQueries({
  @NamedQuery(
      name = "ErasureRequest.findActiveByOrganization",
      query =
          "select r from ErasureRequestEntity r where r.activeOrganizationId = :organizationId"),
  @NamedQuery(
      name = "ErasureRequest.findActiveByRealm",
      query =
          "select r from ErasureRequestEntity r where r.realmId = :realmId and r.activeOrganizationId is not null"),
  @NamedQuery(
      name = "ErasureRequest.findDueHandOvers",
      query =
          "select r from ErasureRequestEntity r where r.handOver.deliveredAt is null"
              + " and r.state in :states"
              + " and (r.handOver.nextAttemptAt is null or r.handOver.nextAttemptAt <= :now)"),
  @NamedQuery(
      name = "ErasureRequest.findDueScheduledNotices",
      query =
          "select r from ErasureRequestEntity r where r.scheduledNotice.sentAt is null"
              + " and r.scheduledNotice.nextAttemptAt <= :now and r.state in :states"),
  @NamedQuery(
      name = "ErasureRequest.findUnheld",
      query =
          "select r from ErasureRequestEntity r where r.state in :states"
              + " and (r.leaseUntil is null or r.leaseUntil < :now)"),
  @NamedQuery(
      name = "ErasureRequest.findLapsedLeases",
      query =
          "select r from ErasureRequestEntity r where r.state in :states"
              + " and r.leaseUntil is not null and r.leaseUntil < :now"),
  @NamedQuery(
      name = "ErasureRequest.findRecentByRealm",
      query =
          "select r from ErasureRequestEntity r where r.realmId = :realmId order by r.requestedAt desc")
})
public class ErasureRequestEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "ORGANIZATION_ID", length = 36, nullable = false)
  private String organizationId;

  @Column(name = "ACTIVE_ORGANIZATION_ID", length = 36, unique = true)
  private String activeOrganizationId;

  @Column(name = "ORGANIZATION_NAME", nullable = false)
  private String organizationName;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE", length = 32, nullable = false)
  private ErasureState state;

  @Column(name = "REQUESTED_BY_ID", length = 36)
  private String requestedById;

  @Column(name = "REQUESTED_BY_USERNAME")
  private String requestedByUsername;

  @Column(name = "REQUESTED_BY_EMAIL")
  private String requestedByEmail;

  @Column(name = "REQUESTED_AT", nullable = false)
  private long requestedAt;

  @Column(name = "GRACE_PERIOD_SECONDS", nullable = false)
  private int gracePeriodSeconds;

  @Enumerated(EnumType.STRING)
  @Column(name = "MEMBER_POLICY", length = 8, nullable = false)
  private MemberPolicy memberPolicy;

  @Enumerated(EnumType.STRING)
  @Column(name = "TENANT_KIND", length = 16, nullable = false)
  private TenantKind tenantKind;

  @Column(name = "MEMBER_COUNT", nullable = false)
  private long memberCount;

  @Column(name = "LOCKED_AT")
  private Long lockedAt;

  @Column(name = "MEMBERS_LOCKED", nullable = false)
  private long membersLocked;

  @Column(name = "MEMBERS_KEPT_OTHER_TENANTS", nullable = false)
  private long membersKeptInOtherTenants;

  @Column(name = "MEMBERS_KEPT_ADMINISTRATORS", nullable = false)
  private long membersKeptAsAdministrators;

  @Column(name = "MEMBERS_DETACHED", nullable = false)
  private long membersDetached;

  @Column(name = "MEMBERS_KEPT_LEFT", nullable = false)
  private long membersKeptAfterLeaving;

  /** What closing the tenant changed ({@link TenantClosure}, JSON), for a cancel to put back. */
  @Column(name = "TENANT_CLOSURE", length = 1_000_000)
  private String tenantClosure;

  /** The service's report as JSON (docs/contract.md), once it arrived. */
  @Column(name = "APP_DATA_COUNTS", length = ContractLimits.STORED_REPORT_MAX_CHARS)
  private String appDataReport;

  /**
   * Until when a node works on the erasure (locking out or finishing, many transactions each); a
   * node that dies leaves it to run out, and the scheduled task then takes the work over.
   */
  @Column(name = "FINISHER_LEASE_UNTIL")
  private Long leaseUntil;

  @Embedded private HandOverAttempts handOver = new HandOverAttempts();

  @Embedded private Finishing finishing = new Finishing();

  @Embedded private Notification notification = new Notification();

  @Embedded private ScheduledNoticeAttempts scheduledNotice = new ScheduledNoticeAttempts();

  @Version
  @Column(name = "VERSION", nullable = false)
  private int version;

  protected ErasureRequestEntity() {}

  public ErasureRequestEntity(
      String realmId,
      TenantKind tenantKind,
      String organizationId,
      String organizationName,
      String requestedById,
      String requestedByUsername,
      String requestedByEmail,
      int gracePeriodSeconds,
      MemberPolicy memberPolicy,
      long memberCount,
      long requestedAt) {
    this.id = UUID.randomUUID().toString();
    this.realmId = Objects.requireNonNull(realmId);
    this.tenantKind = Objects.requireNonNull(tenantKind);
    this.organizationId = Objects.requireNonNull(organizationId);
    this.activeOrganizationId = organizationId;
    this.organizationName = Objects.requireNonNull(organizationName);
    this.requestedById = Objects.requireNonNull(requestedById);
    this.requestedByUsername = Objects.requireNonNull(requestedByUsername);
    this.requestedByEmail = requestedByEmail;
    if (gracePeriodSeconds < 0) {
      throw new IllegalArgumentException("A grace period cannot be negative");
    }
    this.gracePeriodSeconds = gracePeriodSeconds;
    this.memberPolicy = Objects.requireNonNull(memberPolicy);
    this.memberCount = memberCount;
    this.requestedAt = requestedAt;
    this.state = ErasureState.REQUESTED;
  }

  public void moveTo(ErasureState target) {
    if (!state.canMoveTo(target)) {
      throw new IllegalStateTransitionException(state, target);
    }
    state = target;
    if (target == ErasureState.CANCELLED) {
      // A cancelled erasure no longer holds the organisation, so a new one may start.
      activeOrganizationId = null;
    }
  }

  /**
   * Every member is locked out. The request thread hands over at once; should it fail to, the
   * scheduled task takes over a little later.
   */
  public void lockedOut(MemberCounts members, long at) {
    counted(members);
    this.lockedAt = at;
    this.leaseUntil = null;
    handOver.dueForTakeoverAfter(at);
    moveTo(ErasureState.LOCKED);
  }

  /**
   * Takes the erasure for one hand-over attempt until {@code leaseUntil}, unless it is handed over
   * or a node holds it (a cancel, another attempt): an attempt and a cancel never overlap.
   */
  public boolean claimHandOver(long now, long leaseUntil) {
    return state.awaitsHandOver() && !handOver.isDelivered() && claim(now, leaseUntil);
  }

  /** The service accepted the request: its grace period, or the purge, runs from now on. */
  public void handedOver(long at) {
    leaseUntil = null;
    handOver.delivered(at);
    moveTo(gracePeriodSeconds > 0 ? ErasureState.SCHEDULED : ErasureState.PURGING_APP_DATA);
    if (gracePeriodSeconds > 0) {
      scheduledNoticeToChange().due(at);
    }
  }

  /** The "erasure scheduled" e-mail went to the requester. */
  public void scheduledNoticeSent(long at) {
    scheduledNoticeToChange().sent(at);
  }

  /** The "erasure scheduled" e-mail could not be sent; it is tried again at {@code retryAt}. */
  public void scheduledNoticeFailed(String error, long retryAt) {
    scheduledNoticeToChange().failed(error, retryAt);
  }

  /** The "erasure scheduled" e-mail is not tried any more. */
  public void scheduledNoticeGivenUp() {
    scheduledNoticeToChange().givenUp();
  }

  /**
   * The service did not accept the request; it is tried again at {@code retryAt}. {@code
   * reachedTheService}: the attempt may have arrived (anything but a connection never made).
   */
  public void handOverFailed(String error, boolean reachedTheService, long retryAt) {
    leaseUntil = null;
    handOver.failed(error, reachedTheService, retryAt);
    if (state != ErasureState.FAILED_RETRYING) {
      moveTo(ErasureState.FAILED_RETRYING);
    }
  }

  /** The service reports every app row and file of the organisation gone, with the counts. */
  public void appDataPurged(PurgeReport report) {
    if (!report.requestId().equals(id)) {
      throw new IllegalArgumentException("The report names another erasure");
    }
    appDataReport = ContractJson.write(report);
    if (state == ErasureState.SCHEDULED) {
      // The service ends the grace period on its own clock; the report is the first Keycloak hears.
      moveTo(ErasureState.PURGING_APP_DATA);
    }
    moveTo(ErasureState.APP_DATA_PURGED);
  }

  /** The service's report, once it arrived. */
  public Optional<PurgeReport> report() {
    return Optional.ofNullable(appDataReport)
        .map(json -> ContractJson.readStored(json, PurgeReport.class));
  }

  /**
   * Takes the erasure's lockout for this node until {@code leaseUntil}: the request thread when it
   * records the erasure, or the scheduled task after a crash left it half locked out.
   */
  public boolean claimLockout(long now, long leaseUntil) {
    return state == ErasureState.REQUESTED && claim(now, leaseUntil);
  }

  /**
   * Takes the erasure for finishing until {@code leaseUntil}, unless a node holds it at {@code now}
   * (the listener and the scheduled task may both try); {@code false} when it is not for the
   * taking.
   */
  public boolean claimFinishing(long now, long leaseUntil) {
    if (!state.isFinishable() || !claim(now, leaseUntil)) {
      return false;
    }
    if (state == ErasureState.APP_DATA_PURGED) {
      moveTo(ErasureState.DELETING_IDENTITIES);
    }
    return true;
  }

  /**
   * Takes the erasure for cancelling until {@code leaseUntil}: before the hand-over or during its
   * grace period, or to finish restoring a cancel a crash interrupted.
   */
  public boolean claimCancel(long now, long leaseUntil) {
    return (state.isCancellable() || state.awaitsRestore()) && claim(now, leaseUntil);
  }

  /** Gives the lease back at once: a cancel the service refused changed nothing. */
  public void releaseLease() {
    leaseUntil = null;
  }

  /** The service cancelled the purge: from now on the cancel only restores. */
  public void cancelling() {
    if (state != ErasureState.CANCELLING) {
      moveTo(ErasureState.CANCELLING);
    }
  }

  /** Everything the lockout changed is back; the organisation may be erased again later. */
  public void cancelled() {
    forgetRequester();
    leaseUntil = null;
    moveTo(ErasureState.CANCELLED);
  }

  private boolean claim(long now, long until) {
    if (leaseUntil != null && leaseUntil >= now) {
      return false;
    }
    leaseUntil = until;
    return true;
  }

  /**
   * A step of finishing failed: the error is kept for the page, and the lease is left to run out,
   * so the scheduled task tries again then, not at once in a loop.
   */
  public void finishingFailed(String error) {
    finishing.failed(error);
  }

  /** The error an admin should read now: the failing step's, whichever it is. */
  public String lastError() {
    return finishing.lastError() != null ? finishing.lastError() : handOver.lastError();
  }

  /** The node working on the erasure keeps holding it while it works. */
  public void renewLease(long until) {
    leaseUntil = until;
  }

  /** The members by decision, as recorded now (late members and second decisions included). */
  public void counted(MemberCounts members) {
    this.membersLocked = members.signedOut();
    this.membersKeptInOtherTenants = members.keptInOtherTenants();
    this.membersKeptAsAdministrators = members.keptAsAdministrators();
    this.membersDetached = members.detached();
    this.membersKeptAfterLeaving = members.keptAfterLeaving();
  }

  public void closedTenant(TenantClosure closure) {
    tenantClosure = ContractJson.write(closure);
  }

  /** What closing the tenant changed; nothing when it was never closed. */
  public TenantClosure tenantClosure() {
    return tenantClosure == null
        ? TenantClosure.NOTHING_CLOSED
        : ContractJson.readStored(tenantClosure, TenantClosure.class);
  }

  public MemberCounts members() {
    return new MemberCounts(
        membersLocked,
        membersKeptInOtherTenants,
        membersKeptAsAdministrators,
        membersDetached,
        membersKeptAfterLeaving);
  }

  public void identitiesDeleted(long identities, long loginEvents) {
    finishing.deleted(identities, loginEvents);
  }

  /** The requester was told (or telling them failed); either way it is tried only once. */
  public void notified(String to, String error, long at) {
    notification().attempted(to, error, at);
  }

  public void completed(boolean withErrors, String auditRecordId, long at) {
    finishing.completed(auditRecordId, at);
    forgetRequester();
    leaseUntil = null;
    moveTo(withErrors ? ErasureState.COMPLETED_WITH_ERRORS : ErasureState.COMPLETED);
  }

  /** The audit record keeps who asked; nothing else of a finished erasure names a person. */
  private void forgetRequester() {
    requestedById = null;
    requestedByUsername = null;
    requestedByEmail = null;
  }

  public HandOverAttempts handOver() {
    return handOver;
  }

  public Finishing finishing() {
    return finishing;
  }

  /**
   * This erasure's {@code type} event for the audit log, as it stands now; {@code counts} is
   * written as the record's JSON object.
   */
  public AuditEvent auditEvent(AuditEventType type, String realmName, Object counts) {
    return new AuditEvent(
        type.name(),
        id,
        realmId,
        realmName,
        tenantKind,
        getOrganizationId(),
        getOrganizationName(),
        getRequestedById(),
        getRequestedByEmail(),
        getMemberCount(),
        ContractJson.write(counts),
        type == AuditEventType.NOTIFIED || type == AuditEventType.COMPLETED
            ? notification().sentTo()
            : null,
        type == AuditEventType.NOTIFIED || type == AuditEventType.COMPLETED
            ? notification().error()
            : null,
        switch (type) {
          case COMPLETED -> finalState().name();
          case CANCELLED -> ErasureState.CANCELLED.name();
          default -> getState().name();
        });
  }

  /** What a completion ends in: with errors when the service could not delete some files. */
  private ErasureState finalState() {
    return report().map(PurgeReport::hasFailures).orElse(false)
        ? ErasureState.COMPLETED_WITH_ERRORS
        : ErasureState.COMPLETED;
  }

  /** The "erasure scheduled" e-mail's attempts, to read; the methods above change them. */
  public ScheduledNoticeAttempts scheduledNotice() {
    // All of its columns are null for an erasure without a grace period, which JPA reads as none;
    // a reader gets an empty one that is not the entity's, so that reading changes no row.
    return scheduledNotice == null ? new ScheduledNoticeAttempts() : scheduledNotice;
  }

  private ScheduledNoticeAttempts scheduledNoticeToChange() {
    if (scheduledNotice == null) {
      scheduledNotice = new ScheduledNoticeAttempts();
    }
    return scheduledNotice;
  }

  public Notification notification() {
    // All of its columns are null until the notice is tried, which JPA reads as no object at all.
    if (notification == null) {
      notification = new Notification();
    }
    return notification;
  }

  public String getId() {
    return id;
  }

  public String getRealmId() {
    return realmId;
  }

  public String getOrganizationId() {
    return organizationId;
  }

  public String getOrganizationName() {
    return organizationName;
  }

  public ErasureState getState() {
    return state;
  }

  public String getRequestedById() {
    return requestedById;
  }

  public String getRequestedByUsername() {
    return requestedByUsername;
  }

  public String getRequestedByEmail() {
    return requestedByEmail;
  }

  public long getRequestedAt() {
    return requestedAt;
  }

  public int getGracePeriodSeconds() {
    return gracePeriodSeconds;
  }

  public TenantKind getTenantKind() {
    return tenantKind;
  }

  public MemberPolicy getMemberPolicy() {
    return memberPolicy;
  }

  public long getMemberCount() {
    return memberCount;
  }

  public Long getLockedAt() {
    return lockedAt;
  }
}
