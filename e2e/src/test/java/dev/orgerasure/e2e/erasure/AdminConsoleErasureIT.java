package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.AccountConsole;
import dev.orgerasure.e2e.browser.AdminConsole;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.browser.ErasurePage;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The realm admin's page in Keycloak's admin console, used in a real headless Chromium: each step
 * leaves a screenshot under {@code e2e/target/screenshots/<test>/}.
 */
@WholeSystemTest
class AdminConsoleErasureIT {

  private static final Duration ERASURE_TIMEOUT = Duration.ofMinutes(2);

  private final SystemUnderTest sut;

  AdminConsoleErasureIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  /**
   * Our pages enter Keycloak's console through parts of its page (navigation entries, the main
   * area); a console release that renames one must fail here, saying which, not hide the pages.
   */
  @Test
  void theConsoleHasEveryPartOurPagesRelyOn() {
    try (Browser browser = Browser.start("console-parts")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      console.openErasurePageFromNavigation().shown();

      assertEquals(
          "",
          console.missingConsoleParts(),
          "Keycloak's admin console no longer has these parts, which org-erasure-console.js needs");
    }
  }

  @Test
  void aConsoleWithoutAPartOurPagesNeedIsReportedByName() {
    try (Browser browser = Browser.start("console-part-missing")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());

      console.removeFromConsole("kc-main-content-page-container");

      assertEquals("#kc-main-content-page-container", console.awaitMissingConsoleParts());
    }
  }

  @Test
  void realmAdminErasesAnOrganisationFromTheConsole() throws Exception {
    DemoOrg org = sut.createOrg(3);
    Map<String, Long> rows = AppData.rowsOf(sut.system(), org.id());
    long rowTotal = rows.values().stream().mapToLong(Long::longValue).sum();
    try (Browser browser = Browser.start("realm-admin-erases-an-organisation")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      browser.screenshot("01-console");

      ErasurePage page = console.openErasurePageFromNavigation().shown();
      WebElement row = page.organisationRow(org.name());
      assertEquals("3", row.findElements(By.tagName("td")).get(1).getText());
      assertEquals(
          rowTotal + " rows, " + AppData.filesOf(sut.system(), org.id()) + " files",
          row.findElement(By.cssSelector("[data-testid=org-erasure-app-data]")).getText());
      browser.screenshot("02-organisations");

      page.openEraseDialog(org.name());
      assertTrue(
          page.inventoryText().contains("Enrollments " + rows.get("enrollments")),
          page.inventoryText());
      page.typeConfirmation(org.name().toLowerCase());
      assertFalse(page.confirmEnabled());
      browser.screenshot("03-wrong-name-confirm-disabled");

      SystemState before = SystemState.read(sut.system());
      page.forceSubmit();
      assertTrue(page.alertText().contains("does not match"), page.alertText());
      browser.screenshot("04-forced-request-refused");
      assertEquals(before, SystemState.read(sut.system()));
      assertTrue(page.dialogOpen());

      page.typeConfirmation(org.name());
      assertTrue(page.confirmEnabled());
      browser.screenshot("05-right-name-confirm-enabled");
      page.confirm();
      page.progress();
      browser.screenshot("06-erasure-started");

      page.awaitProgressState("COMPLETED", ERASURE_TIMEOUT);
      browser.screenshot("07-erasure-completed");
      assertEquals("3 / 3", page.progressMeasure("members-locked"));
      assertEquals("3 / 3", page.progressMeasure("identities-deleted"));
      String requestId = ErasureRecords.requestIdOf(sut.system(), org.id());
      assertEquals(
          ErasureRecords.auditRecordId(sut.system(), requestId),
          page.progressField("audit-record"));
    }
  }

  /** The realm admin allows a member to erase the organisation, who is then offered it. */
  @Test
  void realmAdminAllowsAMemberToEraseTheOrganisationThemselves() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Member learner = org.learners().get(0);
    try (Browser browser = Browser.start("realm-admin-allows-self-service-erasure")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      ErasurePage page = console.openErasurePageFromNavigation().shown();
      page.openSelfServiceDialog(org.name());
      assertTrue(page.selfServiceDialogText().contains(org.admin().username()));
      assertFalse(page.selfServiceDialogText().contains(learner.username()));

      page.allowSelfServiceEraser(learner.username());
      browser.screenshot("01-member-allowed");
    }
    try (Browser browser = Browser.start("allowed-member-is-offered-erasure")) {
      AccountConsole account = new AccountConsole(browser, sut.system().keycloakUrl());
      account.signIn(learner);
      assertTrue(account.offersDeleteOrganisation());
    }
  }

  @Test
  void thePageCountsTheAppDataOfAllItsOrganisationsInOneCall() throws Exception {
    List<DemoOrg> orgs = List.of(sut.createOrg(1), sut.createOrg(2), sut.createOrg(1));
    try (Browser browser = Browser.start("page-counts-in-one-call")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      ErasurePage page = console.openErasurePageFromNavigation().shown();
      for (DemoOrg org : orgs) {
        long rows =
            AppData.rowsOf(sut.system(), org.id()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertEquals(
            rows + " rows, " + AppData.filesOf(sut.system(), org.id()) + " files",
            page.organisationRow(org.name())
                .findElement(By.cssSelector("[data-testid=org-erasure-app-data]"))
                .getText());
      }

      List<String> calls = page.appDataCalls();
      assertEquals(1, calls.size(), calls.toString());
      assertTrue(calls.get(0).contains("/org-erasure/organizations/app-data?"), calls.get(0));
    }
  }

  @Test
  void realmAdminCancelsAnErasureDuringItsGracePeriod() throws Exception {
    DemoOrg org = sut.createOrg(2);
    try (Browser browser = Browser.start("realm-admin-cancels-during-the-grace-period")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      ErasurePage page = console.openErasurePageFromNavigation().shown();
      page.openEraseDialog(org.name());
      page.typeConfirmation(org.name());
      page.typeGracePeriod(2, "days");
      page.confirm();

      page.awaitProgressState("SCHEDULED", ERASURE_TIMEOUT);
      assertTrue(page.gracePeriodText().contains("starts at"), page.gracePeriodText());
      assertEquals(
          2 * 86400,
          ErasureRecords.gracePeriodSeconds(
              sut.system(), ErasureRecords.requestIdOf(sut.system(), org.id())));
      browser.screenshot("01-grace-period");
      page.cancelErasure();

      page.awaitProgressState("CANCELLED", ERASURE_TIMEOUT);
      browser.screenshot("02-cancelled");
      for (Member member : org.members()) {
        assertTrue(RealmState.isEnabled(sut.system(), member.id()), member.username());
      }
    }
  }

  @Test
  void pageSaysInWordsWhenTheServiceIsUnreachableAndTheStepIsRetried() throws Exception {
    DemoOrg org = sut.createOrg(2);
    try (Browser browser = Browser.start("service-unreachable-shown-in-words")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      ErasurePage page;
      sut.system().stopLiberty();
      try {
        page = console.openErasurePageFromNavigation().shown();
        WebElement row = page.organisationRow(org.name());
        assertEquals(
            "unavailable",
            row.findElement(By.cssSelector("[data-testid=org-erasure-app-data]")).getText());
        assertTrue(page.alertText().contains("could not be reached"), page.alertText());
        browser.screenshot("01-service-unreachable");

        page.openEraseDialog(org.name());
        assertTrue(page.dialogText().contains("counts are unavailable"), page.dialogText());
        page.typeConfirmation(org.name());
        page.confirm();
        page.awaitProgressState("FAILED_RETRYING", Duration.ofSeconds(30));
        assertTrue(
            page.progress().getText().contains("A step failed and is being retried"),
            page.progress().getText());
        assertTrue(
            page.progressField("last-error").contains("retried automatically"),
            page.progressField("last-error"));
        browser.screenshot("02-hand-over-retried");
      } finally {
        sut.system().startLiberty();
      }
      page.awaitProgressState("COMPLETED", ERASURE_TIMEOUT);
      browser.screenshot("03-completed-once-the-service-is-back");
    }
  }

  @Test
  void adminWithoutTheErasureRoleSeesNoEntryAndCannotErase() throws Exception {
    Member admin = Admins.realmAdminWithoutErasureRole(sut);
    DemoOrg org = sut.createOrg(2);
    try (Browser browser = Browser.start("admin-without-erasure-role")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(admin);
      ErasurePage page = console.openErasurePageByAddress().shown();
      assertTrue(page.showsNoAccess());
      assertFalse(console.showsErasureNavEntry());
      browser.screenshot("01-no-entry-no-access");
    }

    ErasureAdminApi api =
        new ErasureAdminApi(sut.system().keycloakUrl(), sut.adminConsoleLogin(admin).accessToken());
    SystemState before = SystemState.read(sut.system());
    ErasureAdminApi.Answer answer = api.startErasure(org.id(), org.name());
    assertEquals(403, answer.status(), answer.body());
    assertEquals(before, SystemState.read(sut.system()));
  }

  @Test
  void dialogSaysWhoKeepsTheirAccountBeforeAnyoneConfirms() throws Exception {
    DemoOrg org = sut.createOrg(3);
    DemoOrg other = sut.createOrg(1);
    sut.masterAdmin()
        .post(
            DemoRealm.ADMIN_PATH + "/organizations/" + other.id() + "/members",
            org.learners().get(0).id());
    try (Browser browser = Browser.start("dialog-says-who-keeps-their-account")) {
      AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
      console.signIn(sut.demo().realmAdmin());
      ErasurePage page = console.openErasurePageFromNavigation().shown();

      SystemState before = SystemState.read(sut.system());
      page.openEraseDialog(org.name());
      String kept = page.keptMembersText();
      browser.screenshot("01-kept-members");

      assertTrue(
          kept.contains("1 account(s) are kept because they belong to other organisations"), kept);
      assertTrue(page.inventoryText().contains("login events 2"), page.inventoryText());
      assertEquals(before, SystemState.read(sut.system()));
    }
  }
}
