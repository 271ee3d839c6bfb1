package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.contract.PurgeReport;
import dev.orgerasure.contract.TenantKind;

/**
 * An erasure request as the admin API and pages show it. Times are epoch milliseconds. {@code
 * membersLocked} counts every member signed out, of whom the {@code membersKept…} and {@code
 * membersDetached} keep their accounts (docs/erasure.md, "Who is erased" and "Member policy"). The
 * page shows what the server says instead of knowing the state machine: {@code phase} chooses
 * colours, {@code finished} whether to stop following, {@code handedOver} whether the service has a
 * purge status to show, {@code cancellable} whether to offer a cancel, {@code graceEndsAt} when the
 * purge starts (the service's clock decides; this is when it accepted the erasure plus the grace
 * period); {@code scheduledNoticeSentAt} when the "erasure scheduled" e-mail went to the requester,
 * {@code scheduledNoticeError} why its last attempt failed; {@code appData} is the service's report
 * once the app data is purged.
 */
public record ErasureRepresentation(
    String id,
    TenantKind tenantKind,
    String organizationId,
    String organizationName,
    ErasureState state,
    ErasureState.Phase phase,
    boolean finished,
    boolean handedOver,
    boolean cancellable,
    Long graceEndsAt,
    String requestedBy,
    long requestedAt,
    Long lockedAt,
    int gracePeriodSeconds,
    MemberPolicy memberPolicy,
    long memberCount,
    long membersLocked,
    long membersKeptInOtherTenants,
    long membersKeptAsAdministrators,
    long membersDetached,
    long membersKeptAfterLeaving,
    int handOverAttempts,
    String lastError,
    Long scheduledNoticeSentAt,
    String scheduledNoticeError,
    PurgeReport appData,
    long identitiesDeleted,
    long loginEventsDeleted,
    Long completedAt,
    String auditRecordId) {

  public static ErasureRepresentation of(ErasureRequestEntity request) {
    return of(request, FinishedMembers.NONE);
  }

  /**
   * With what the finisher has deleted so far and not yet added to the erasure's totals (it does so
   * when the erasure completes).
   */
  public static ErasureRepresentation of(ErasureRequestEntity request, FinishedMembers soFar) {
    return new ErasureRepresentation(
        request.getId(),
        request.getTenantKind(),
        request.getOrganizationId(),
        request.getOrganizationName(),
        request.getState(),
        request.getState().phase(),
        request.getState().isFinal(),
        request.handOver().isDelivered(),
        request.getState().isCancellable(),
        request.handOver().deliveredAt() == null
            ? null
            : request.handOver().deliveredAt() + request.getGracePeriodSeconds() * 1000L,
        request.getRequestedByUsername(),
        request.getRequestedAt(),
        request.getLockedAt(),
        request.getGracePeriodSeconds(),
        request.getMemberPolicy(),
        request.getMemberCount(),
        request.members().signedOut(),
        request.members().keptInOtherTenants(),
        request.members().keptAsAdministrators(),
        request.members().detached(),
        request.members().keptAfterLeaving(),
        request.handOver().attempts(),
        request.lastError(),
        request.scheduledNotice().sentAt(),
        request.scheduledNotice().lastError(),
        request.report().orElse(null),
        request.finishing().identitiesDeleted() + soFar.identitiesDeleted(),
        request.finishing().loginEventsDeleted() + soFar.loginEventsDeleted(),
        request.finishing().completedAt(),
        request.finishing().auditRecordId());
  }
}
