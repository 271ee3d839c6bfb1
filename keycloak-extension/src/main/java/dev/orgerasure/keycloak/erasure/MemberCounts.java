package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.keycloak.members.MemberDecision;
import java.util.Map;

/**
 * An erasure's members by decision: {@code signedOut} is every member recorded (all are signed
 * out), of whom {@code keptInOtherTenants} and {@code keptAsAdministrators} keep their accounts and
 * this tenant's membership goes, {@code detached} keep their accounts under the Detach policy,
 * {@code keptAfterLeaving} were taken out of the tenant by someone else before the erasure
 * completed and keep their accounts, and the rest are erased.
 */
public record MemberCounts(
    long signedOut,
    long keptInOtherTenants,
    long keptAsAdministrators,
    long detached,
    long keptAfterLeaving) {

  public static MemberCounts of(Map<MemberDecision, Long> byDecision) {
    return new MemberCounts(
        byDecision.values().stream().mapToLong(Long::longValue).sum(),
        byDecision.getOrDefault(MemberDecision.KEEP_OTHER_TENANTS, 0L),
        byDecision.getOrDefault(MemberDecision.KEEP_ADMINISTRATOR, 0L),
        byDecision.getOrDefault(MemberDecision.DETACH, 0L),
        byDecision.getOrDefault(MemberDecision.KEEP_LEFT_TENANT, 0L));
  }

  public long erased() {
    return signedOut - kept();
  }

  /** Members disabled until the erasure ends: those erased and those detached. */
  public long disabledUntilTheEnd() {
    return signedOut - keptInOtherTenants - keptAsAdministrators;
  }

  /** Members who lost this tenant's membership at lockout, keeping their accounts as they were. */
  public long leftAtLockout() {
    return keptInOtherTenants + keptAsAdministrators;
  }

  /** Members kept for a reason of their own, not for the policy: at lockout or since. */
  public long keptForAReason() {
    return leftAtLockout() + keptAfterLeaving;
  }

  /** Every account that stays: kept for a reason, or detached. */
  public long kept() {
    return keptForAReason() + detached;
  }
}
