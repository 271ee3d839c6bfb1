package dev.orgerasure.keycloak.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberDecisionTest {

  @Test
  void onlyTheEraseDecisionErases() {
    assertTrue(MemberDecision.ERASE.erases());
    assertFalse(MemberDecision.KEEP_OTHER_TENANTS.erases());
    assertFalse(MemberDecision.KEEP_ADMINISTRATOR.erases());
  }

  @Test
  void theReasonsReadAsTheAuditRecordStatesThem() {
    assertEquals("KEEP: member of other organisations", MemberDecision.KEEP_OTHER_TENANTS.reason());
    assertEquals("KEEP: administrator", MemberDecision.KEEP_ADMINISTRATOR.reason());
  }

  @Test
  void countsByDecisionSayHowManyAreErasedAndKept() {
    MemberCounts counts =
        MemberCounts.of(
            Map.of(
                MemberDecision.ERASE, 7L,
                MemberDecision.KEEP_OTHER_TENANTS, 2L,
                MemberDecision.KEEP_ADMINISTRATOR, 1L));
    assertEquals(10, counts.signedOut());
    assertEquals(7, counts.erased());
    assertEquals(3, counts.kept());
  }

  @Test
  void aMemberToEraseCanBeKeptOnSecondThoughtButNotTheOtherWayRound() {
    LockedMemberEntity member =
        new LockedMemberEntity("request", "user", true, MemberDecision.ERASE);
    member.keep(MemberDecision.KEEP_OTHER_TENANTS);
    assertEquals(MemberDecision.KEEP_OTHER_TENANTS, member.decision());
    assertThrows(IllegalArgumentException.class, () -> member.keep(MemberDecision.ERASE));
  }
}
