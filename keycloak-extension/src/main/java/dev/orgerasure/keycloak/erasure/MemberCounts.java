package dev.orgerasure.keycloak.erasure;

import dev.orgerasure.keycloak.members.MemberDecision;
import java.util.Map;

/**
 * An erasure's members by decision: {@code signedOut} is every member recorded (all are signed
 * out), of whom {@code keptInOtherTenants} and {@code keptAsAdministrators} keep their accounts and
 * the rest are erased.
 */
public record MemberCounts(long signedOut, long keptInOtherTenants, long keptAsAdministrators) {

  public static MemberCounts of(Map<MemberDecision, Long> byDecision) {
    long kept = byDecision.getOrDefault(MemberDecision.KEEP_OTHER_TENANTS, 0L);
    long admins = byDecision.getOrDefault(MemberDecision.KEEP_ADMINISTRATOR, 0L);
    return new MemberCounts(
        byDecision.values().stream().mapToLong(Long::longValue).sum(), kept, admins);
  }

  public long erased() {
    return signedOut - keptInOtherTenants - keptAsAdministrators;
  }

  public long kept() {
    return keptInOtherTenants + keptAsAdministrators;
  }
}
