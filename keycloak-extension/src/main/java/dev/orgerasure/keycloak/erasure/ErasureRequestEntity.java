package dev.orgerasure.keycloak.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.UUID;
import org.keycloak.util.JsonSerialization;

/**
 * One erasure of one organisation, kept in Keycloak's database. {@code activeOrganizationId} is
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
          "select r from ErasureRequestEntity r where r.deliveredAt is null and r.state in :states"
              + " and (r.nextDeliveryAt is null or r.nextDeliveryAt <= :now)"),
  @NamedQuery(
      name = "ErasureRequest.findUnfinished",
      query =
          "select r from ErasureRequestEntity r where r.state in :states"
              + " and (r.finisherLeaseUntil is null or r.finisherLeaseUntil < :now)"),
  @NamedQuery(
      name = "ErasureRequest.findRecentByRealm",
      query =
          "select r from ErasureRequestEntity r where r.realmId = :realmId order by r.requestedAt desc")
})
public class ErasureRequestEntity {

  static final long HAND_OVER_TAKEOVER_MILLIS = 30_000;

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

  @Column(name = "REQUESTED_BY_ID", length = 36, nullable = false)
  private String requestedById;

  @Column(name = "REQUESTED_BY_USERNAME", nullable = false)
  private String requestedByUsername;

  @Column(name = "REQUESTED_AT", nullable = false)
  private long requestedAt;

  @Column(name = "LOCKED_AT")
  private Long lockedAt;

  @Column(name = "MEMBER_COUNT", nullable = false)
  private long memberCount;

  @Column(name = "MEMBERS_LOCKED", nullable = false)
  private long membersLocked;

  @Column(name = "REQUESTED_BY_EMAIL")
  private String requestedByEmail;

  @Column(name = "GRACE_PERIOD_SECONDS", nullable = false)
  private int gracePeriodSeconds;

  @Column(name = "DELIVERED_AT")
  private Long deliveredAt;

  @Column(name = "DELIVERY_ATTEMPTS", nullable = false)
  private int deliveryAttempts;

  @Column(name = "NEXT_DELIVERY_AT")
  private Long nextDeliveryAt;

  @Column(name = "LAST_ERROR", length = 1000)
  private String lastError;

  @Column(name = "APP_DATA_COUNTS", length = 4000)
  private String appDataCounts;

  @Column(name = "IDENTITIES_DELETED", nullable = false)
  private long identitiesDeleted;

  @Column(name = "LOGIN_EVENTS_DELETED", nullable = false)
  private long loginEventsDeleted;

  @Column(name = "FINISHER_LEASE_UNTIL")
  private Long finisherLeaseUntil;

  @Column(name = "COMPLETED_AT")
  private Long completedAt;

  @Column(name = "AUDIT_RECORD_ID", length = 36)
  private String auditRecordId;

  @Column(name = "NOTIFIED_AT")
  private Long notifiedAt;

  @Column(name = "NOTIFIED_TO")
  private String notifiedTo;

  @Column(name = "NOTIFICATION_ERROR", length = 1000)
  private String notificationError;

  @Version
  @Column(name = "VERSION", nullable = false)
  private int version;

  protected ErasureRequestEntity() {}

  public ErasureRequestEntity(
      String realmId,
      String organizationId,
      String organizationName,
      String requestedById,
      String requestedByUsername,
      String requestedByEmail,
      int gracePeriodSeconds,
      long memberCount,
      long requestedAt) {
    this.id = UUID.randomUUID().toString();
    this.realmId = Objects.requireNonNull(realmId);
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
   * scheduled task takes over after {@code HAND_OVER_TAKEOVER_MILLIS}.
   */
  public void lockedOut(long membersLocked, long at) {
    this.membersLocked = membersLocked;
    this.lockedAt = at;
    this.nextDeliveryAt = at + HAND_OVER_TAKEOVER_MILLIS;
    moveTo(ErasureState.LOCKED);
  }

  /** The service accepted the request: its grace period, or the purge, runs from now on. */
  public void handedOver(long at) {
    deliveredAt = at;
    nextDeliveryAt = null;
    lastError = null;
    moveTo(gracePeriodSeconds > 0 ? ErasureState.SCHEDULED : ErasureState.PURGING_APP_DATA);
  }

  /** The service did not accept the request; it is tried again at {@code retryAt}. */
  public void handOverFailed(String error, long retryAt) {
    deliveryAttempts++;
    nextDeliveryAt = retryAt;
    lastError = error;
    if (state != ErasureState.FAILED_RETRYING) {
      moveTo(ErasureState.FAILED_RETRYING);
    }
  }

  /** The service reports every app row and file of the organisation gone, with the counts. */
  public void appDataPurged(String countsJson) {
    appDataCounts = countsJson;
    if (state == ErasureState.SCHEDULED) {
      // The service ends the grace period on its own clock; the report is the first Keycloak hears
      // of it.
      moveTo(ErasureState.PURGING_APP_DATA);
    }
    moveTo(ErasureState.APP_DATA_PURGED);
  }

  public boolean isAppDataPurged() {
    return appDataCounts != null;
  }

  /**
   * Takes the erasure for finishing until {@code leaseUntil}; other nodes leave it alone meanwhile.
   */
  public void claimFinishing(long leaseUntil) {
    finisherLeaseUntil = leaseUntil;
    if (state == ErasureState.APP_DATA_PURGED) {
      moveTo(ErasureState.DELETING_IDENTITIES);
    }
  }

  public void identitiesDeleted(long identities, long loginEvents) {
    identitiesDeleted += identities;
    loginEventsDeleted += loginEvents;
  }

  /** The requester was told (or telling them failed); either way it is tried only once. */
  public void notified(String to, String error, long at) {
    notifiedAt = at;
    notifiedTo = error == null ? to : null;
    notificationError = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
  }

  public boolean isNotificationAttempted() {
    return notifiedAt != null;
  }

  public String getNotifiedTo() {
    return notifiedTo;
  }

  public String getNotificationError() {
    return notificationError;
  }

  public void completed(boolean withErrors, String auditRecordId, long at) {
    this.auditRecordId = auditRecordId;
    this.completedAt = at;
    this.finisherLeaseUntil = null;
    moveTo(withErrors ? ErasureState.COMPLETED_WITH_ERRORS : ErasureState.COMPLETED);
  }

  public String getRequestedByEmail() {
    return requestedByEmail;
  }

  public int getGracePeriodSeconds() {
    return gracePeriodSeconds;
  }

  public Long getDeliveredAt() {
    return deliveredAt;
  }

  public int getDeliveryAttempts() {
    return deliveryAttempts;
  }

  public String getLastError() {
    return lastError;
  }

  /**
   * The service's report (rows per table, their categories, files); an empty object until it
   * arrives.
   */
  public JsonNode appData() {
    try {
      return JsonSerialization.mapper.readTree(appDataCounts == null ? "{}" : appDataCounts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long getIdentitiesDeleted() {
    return identitiesDeleted;
  }

  public long getLoginEventsDeleted() {
    return loginEventsDeleted;
  }

  public Long getCompletedAt() {
    return completedAt;
  }

  public String getAuditRecordId() {
    return auditRecordId;
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

  public long getRequestedAt() {
    return requestedAt;
  }

  public Long getLockedAt() {
    return lockedAt;
  }

  public long getMemberCount() {
    return memberCount;
  }

  public long getMembersLocked() {
    return membersLocked;
  }
}
