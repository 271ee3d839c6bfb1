package dev.orgerasure.keycloak.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orgerasure.contract.MemberPolicy;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberRulesTest {

  private static final MemberFacts NOTHING_SPECIAL = new MemberFacts(Set.of(), Set.of(), Set.of());

  @Test
  void aMemberStillInTheTenantIsErasedAsDecidedAtLockout() {
    assertEquals(
        MemberDecision.ERASE,
        MemberRules.decideAgain(
            NOTHING_SPECIAL, MemberPolicy.ERASE, "u1", MemberDecision.ERASE, Set.of("u1")));
  }

  @Test
  void aMemberSomeoneTookOutOfTheTenantAfterTheLockoutIsKept() {
    assertEquals(
        MemberDecision.KEEP_LEFT_TENANT,
        MemberRules.decideAgain(
            NOTHING_SPECIAL, MemberPolicy.ERASE, "u1", MemberDecision.ERASE, Set.of()));
  }

  @Test
  void aDetachedMemberWhoLeftTheTenantIsKeptWithoutOnboarding() {
    assertEquals(
        MemberDecision.KEEP_LEFT_TENANT,
        MemberRules.decideAgain(
            NOTHING_SPECIAL, MemberPolicy.DETACH, "u1", MemberDecision.DETACH, Set.of()));
  }

  /** The lockout itself took kept members out of the tenant: that is not someone leaving. */
  @Test
  void aMemberTheLockoutTookOutIsDecidedByTheRulesAgain() {
    MemberFacts admin = new MemberFacts(Set.of(), Set.of(), Set.of("u1"));
    assertEquals(
        MemberDecision.KEEP_ADMINISTRATOR,
        MemberRules.decideAgain(
            admin, MemberPolicy.ERASE, "u1", MemberDecision.KEEP_ADMINISTRATOR, Set.of()));
    assertEquals(
        MemberDecision.ERASE,
        MemberRules.decideAgain(
            NOTHING_SPECIAL,
            MemberPolicy.ERASE,
            "u1",
            MemberDecision.KEEP_ADMINISTRATOR,
            Set.of()));
  }

  @Test
  void membersWhoLeftCountAsKeptNotErased() {
    MemberCounts counts =
        MemberCounts.of(Map.of(MemberDecision.ERASE, 2L, MemberDecision.KEEP_LEFT_TENANT, 1L));
    assertEquals(3, counts.signedOut());
    assertEquals(2, counts.erased());
    assertEquals(1, counts.keptAfterLeaving());
    assertEquals(1, counts.keptForAReason());
  }
}
