package dev.orgerasure.keycloak.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.keycloak.erasure.LockedMemberEntity;
import dev.orgerasure.keycloak.erasure.MemberCounts;
import dev.orgerasure.keycloak.erasure.MemberPreview;
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
  void erasedAndDetachedMembersAreDisabledUntilTheEndAndKeptMembersLeaveAtOnce() {
    assertTrue(MemberDecision.ERASE.disablesUntilTheEnd());
    assertTrue(MemberDecision.DETACH.disablesUntilTheEnd());
    assertFalse(MemberDecision.DETACH.erases());
    assertFalse(MemberDecision.KEEP_OTHER_TENANTS.disablesUntilTheEnd());
    assertFalse(MemberDecision.KEEP_ADMINISTRATOR.disablesUntilTheEnd());
  }

  @Test
  void countsUnderDetachSayHowManyAreDetachedAndHowManyStillErased() {
    MemberCounts counts =
        MemberCounts.of(
            Map.of(
                MemberDecision.DETACH, 6L,
                MemberDecision.ERASE, 1L,
                MemberDecision.KEEP_OTHER_TENANTS, 2L,
                MemberDecision.KEEP_ADMINISTRATOR, 1L));
    assertEquals(10, counts.signedOut());
    assertEquals(6, counts.detached());
    assertEquals(1, counts.erased());
    assertEquals(9, counts.kept());
    assertEquals(7, counts.disabledUntilTheEnd());
    assertEquals(3, counts.leftAtLockout());
  }

  @Test
  void thePreviewUnderEraseCountsTheDetachedAsErased() {
    MemberPreview preview = MemberPreview.fromDetach(new MemberCounts(10, 2, 1, 6, 0));
    assertEquals(new MemberCounts(10, 2, 1, 0, 0), preview.erase());
    assertEquals(7, preview.erase().erased());
    assertEquals(1, preview.detach().erased());
  }

  @Test
  void aSecondDecisionReplacesTheFirst() {
    LockedMemberEntity member =
        new LockedMemberEntity("request", "user", true, MemberDecision.DETACH);
    member.decidedAgain(MemberDecision.KEEP_OTHER_TENANTS);
    assertEquals(MemberDecision.KEEP_OTHER_TENANTS, member.decision());
  }
}
