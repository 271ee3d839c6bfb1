package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.AccountConsole;
import dev.orgerasure.e2e.browser.AdminConsole;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.browser.ErasurePage;
import dev.orgerasure.e2e.browser.OnboardingPages;
import dev.orgerasure.e2e.browser.SelfServicePages;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Detach member policy (docs/erasure.md, "Member policy"): the organisation and its app data
 * go, its people stay, as they were before the erasure, in no organisation, and go through
 * onboarding once at their next sign-in; accounts the organisation's identity provider manages are
 * erased all the same. Screenshots under {@code e2e/target/screenshots/<test>/}.
 */
@WholeSystemTest
class DetachPolicyIT {

  private static final Duration ERASURE_TIMEOUT = Duration.ofMinutes(3);

  private final SystemUnderTest sut;

  DetachPolicyIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  private void disable(Member member) {
    String userPath = DemoRealm.ADMIN_PATH + "/users/" + member.id();
    sut.masterAdmin()
        .put(userPath, ((ObjectNode) sut.masterAdmin().get(userPath)).put("enabled", false));
  }

  private Map<String, Boolean> enabledFlagsOf(List<Member> members) {
    Map<String, Boolean> flags = new HashMap<>();
    for (Member member : members) {
      flags.put(member.username(), RealmState.isEnabled(sut.system(), member.id()));
    }
    return flags;
  }

  private int organisationsOf(Member member) {
    return sut.masterAdmin()
        .get(DemoRealm.ADMIN_PATH + "/organizations/members/" + member.id() + "/organizations")
        .size();
  }

  private String erasedThroughTheConfirmPage(DemoOrg org) {
    try (Browser browser = Browser.start("org-admin-detaches-the-members")) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl());
      account.signIn(org.admin());
      SelfServicePages pages = account.deleteOrganisation();
      pages.reauthenticateIfAsked(org.admin());
      pages.confirmPageShown();
      assertTrue(pages.inventoryText().contains("With Detach"), pages.inventoryText());
      assertTrue(pages.inventoryText().contains("kept, reset"), pages.inventoryText());
      pages.memberPolicy("DETACH");
      browser.screenshot("01-detach-chosen");
      pages.confirmWith(org.name());
      String requestId = pages.startedErasureId();
      browser.screenshot("02-erasure-started");
      return requestId;
    }
  }

  @Test
  void detachedMembersKeepTheirAccountsAsBeforeInNoOrganisationAndTheDataIsGone() throws Exception {
    DemoOrg org = sut.createOrg(3);
    DemoOrg other = sut.createOrg(2);
    Member disabledBefore = org.learners().get(0);
    disable(disabledBefore);
    PartnerIdentityProvider partner = PartnerIdentityProvider.linkedTo(sut, org);
    try {
      Member managed = partner.signInFirstTime();
      // The managed member onboarded into the organisation, as its other members did.
      Sql.update(
          sut.system()::learningDatabase,
          "insert into onboarding (user_id, org_id, state, completed_at)"
              + " values (?, ?, 'COMPLETED', now())",
          managed.id(),
          org.id());
      Map<String, Boolean> enabledBefore = enabledFlagsOf(org.members());
      Map<String, String> otherDataBefore = AppData.everythingBut(sut.system(), org.id());
      int otherMembersBefore = sut.masterAdmin().get(membersPath(other)).size();

      String requestId = erasedThroughTheConfirmPage(org);
      assertEquals(
          "COMPLETED",
          ErasureRecords.awaitState(sut.system(), requestId, Set.of("COMPLETED"), ERASURE_TIMEOUT));

      assertEquals(enabledBefore, enabledFlagsOf(org.members()));
      for (Member member : org.members()) {
        assertEquals(0, organisationsOf(member), member.username());
        assertEquals("PENDING", Onboarding.stateOf(sut.system(), member.id()), member.username());
      }
      assertFalse(RealmState.userExists(sut.system(), managed.id()));
      assertEquals(
          "NO ROW",
          Onboarding.stateOf(sut.system(), managed.id()),
          "the erased member's own row is deleted, not reset");
      assertTrue(
          AppData.rowsOf(sut.system(), org.id()).values().stream().allMatch(rows -> rows == 0),
          AppData.rowsOf(sut.system(), org.id()).toString());
      assertEquals(otherDataBefore, AppData.everythingBut(sut.system(), org.id()));
      assertEquals(otherMembersBefore, sut.masterAdmin().get(membersPath(other)).size());
      assertFalse(sut.memberLogin(disabledBefore, false).isSuccess());
    } finally {
      partner.remove();
    }
  }

  @Test
  void theAuditAndTheCompletionMailSayWhichPolicyRanAndHowManyAccountsWereKept() throws Exception {
    DemoOrg org = sut.createOrg(3);
    PartnerIdentityProvider partner = PartnerIdentityProvider.linkedTo(sut, org);
    try {
      partner.signInFirstTime();
      String requestId = erasedThroughTheConfirmPage(org);
      assertEquals(
          "COMPLETED",
          ErasureRecords.awaitState(sut.system(), requestId, Set.of("COMPLETED"), ERASURE_TIMEOUT));

      ErasureRecords.Audit completed = ErasureRecords.completionRecord(sut.system(), requestId);
      assertEquals(
          "DETACH", completed.counts().path("memberPolicy").asText(), completed.toString());
      assertEquals(3, completed.counts().path("membersDetached").asLong(), completed.toString());
      assertEquals(1, completed.counts().path("identitiesDeleted").asLong(), completed.toString());
      assertTrue(completed.rowsDeleted("onboarding") >= 3, completed.toString());
      List<Mailbox.Mail> mails = Mailbox.to(sut.system(), org.admin().email());
      assertEquals(1, mails.size());
      for (String body : List.of(mails.get(0).text(), mails.get(0).html())) {
        assertTrue(body.contains("Member policy: Detach"), body);
        assertTrue(body.contains("3 account(s) were kept and detached"), body);
        assertFalse(body.contains("Your own account is deleted"), body);
      }
    } finally {
      partner.remove();
    }
  }

  @Test
  void aDetachedMemberIsToldOnceThatTheOrganisationClosedAndThenSignsInAsUsual() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Member learner = org.learners().get(0);
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name(), 0, "DETACH");
    assertEquals(201, started.status(), started.body());
    assertEquals("DETACH", started.json().path("memberPolicy").asText(), started.body());
    assertEquals(
        "COMPLETED",
        ErasureRecords.awaitState(
            sut.system(),
            started.json().path("id").asText(),
            Set.of("COMPLETED"),
            ERASURE_TIMEOUT));

    try (Browser browser = Browser.start("detached-member-onboarding")) {
      OnboardingPages pages = new OnboardingPages(browser, sut.system().keycloakUrl());
      assertTrue(pages.signInShowsOrganisationClosed(learner));
      assertTrue(pages.closedPageText().contains(org.name()), pages.closedPageText());
      browser.screenshot("01-organisation-closed");
      pages.continueToOnboarding();
      browser.screenshot("02-account-console");
    }
    try (Browser browser = Browser.start("detached-member-signs-in-again")) {
      assertFalse(
          new OnboardingPages(browser, sut.system().keycloakUrl())
              .signInShowsOrganisationClosed(learner));
    }
    assertTrue(sut.memberLogin(learner, false).isSuccess());
  }

  @Test
  void theConsoleDialogShowsWhatEachPolicyKeepsAndStartsADetach() throws Exception {
    DemoOrg org = sut.createOrg(2);
    try (Browser browser = Browser.start("realm-admin-detaches-the-members")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      ErasurePage page = console.openErasurePageFromNavigation().shown();
      page.openEraseDialog(org.name());
      String inventory = page.inventoryText();
      assertTrue(inventory.contains("With Erase") && inventory.contains("With Detach"), inventory);
      assertTrue(inventory.contains("2 kept, 0 deleted"), inventory);
      assertTrue(inventory.contains("kept, reset"), inventory);
      page.chooseMemberPolicy("DETACH");
      page.typeConfirmation(org.name());
      browser.screenshot("01-detach-chosen");
      page.confirm();
      page.awaitProgressState("COMPLETED", ERASURE_TIMEOUT);
      assertTrue(page.progressField("member-policy").contains("Detach"));
      assertEquals("2", page.progressField("detached"));
      browser.screenshot("02-detach-completed");
    }
    for (Member member : org.members()) {
      assertTrue(RealmState.userExists(sut.system(), member.id()), member.username());
    }
  }

  private static String membersPath(DemoOrg org) {
    return DemoRealm.ADMIN_PATH + "/organizations/" + org.id() + "/members";
  }
}
