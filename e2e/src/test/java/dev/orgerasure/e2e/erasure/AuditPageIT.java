package dev.orgerasure.e2e.erasure;

import static dev.orgerasure.e2e.browser.AuditPage.cells;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.AdminConsole;
import dev.orgerasure.e2e.browser.AuditPage;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The "Erasure audit" page of the admin console, used by an auditor in a real headless Chromium:
 * the records of an erased organisation, one erasure with its counts and receipt, the exports, and
 * the check of the whole log. Admins without the audit role see no entry for it. Screenshots go
 * under {@code e2e/target/screenshots/<test>/}.
 */
@WholeSystemTest
class AuditPageIT {

  private static final Duration COMPLETION = Duration.ofMinutes(3);
  private static final Duration DOWNLOAD = Duration.ofSeconds(20);
  private static final Set<String> DONE = ErasureStates.DONE;
  private static final List<String> STEPS = ErasureStates.STEPS;

  private static DemoOrg erased;
  private static String erasureId;
  private static Member auditor;

  private final SystemUnderTest sut;

  AuditPageIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  /**
   * One organisation of two members erased to completion, shared by every test, and an auditor who
   * may read the log but not erase.
   */
  @BeforeAll
  static void anErasedOrganisationAndAnAuditor(SystemUnderTest sut) throws Exception {
    erased = sut.createOrg(2);
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(erased.id(), erased.name());
    assertEquals(201, started.status(), started.body());
    erasureId = started.json().path("id").asText();
    ErasureRecords.awaitState(sut.system(), erasureId, DONE, COMPLETION);
    auditor = Admins.adminWith(sut, "view-events", "view-erasure-audit");
  }

  @Test
  void auditorFindsTheOrganisationsRecordsAndTheLogVerifies() {
    try (Browser browser = Browser.start("auditor-finds-records-and-verifies-the-log")) {
      AuditPage page = signIn(browser, auditor).openAuditPageFromNavigation().shown();
      assertTrue(
          page.statusOptions().containsAll(List.of("COMPLETED", "CANCELLED", "FAILED_RETRYING")),
          "the status filter offers the server's states: " + page.statusOptions());

      List<WebElement> records = page.filterByOrganisation(erased.name(), STEPS.size());
      browser.screenshot("01-records-of-the-organisation");

      assertEquals(STEPS, records.stream().map(row -> cells(row).get(2).getText()).toList());
      for (WebElement record : records) {
        assertEquals(erasureId, record.getAttribute("data-erasure-id"));
        assertEquals(DemoRealm.REALM, cells(record).get(4).getText());
        assertEquals("2", cells(record).get(6).getText());
      }
      assertEquals("COMPLETED", cells(records.get(STEPS.size() - 1)).get(7).getText());

      WebElement verification = page.verify();
      browser.screenshot("02-log-verified");

      assertEquals("true", verification.getAttribute("data-ok"), verification.getText());
      assertTrue(verification.getText().contains("all consistent"), verification.getText());
    }
  }

  @Test
  void auditorOpensOneErasureWithItsCountsAndDownloadsItsReceipt() throws Exception {
    try (Browser browser = Browser.start("auditor-opens-an-erasure-and-downloads-its-receipt")) {
      AuditPage page = signIn(browser, auditor).openAuditPageFromNavigation().shown();
      List<WebElement> records = page.filterByOrganisation(erased.name(), STEPS.size());

      WebElement details = page.openErasureOf(records.get(0), STEPS.size());
      browser.screenshot("01-erasure-with-its-counts");
      assertTrue(details.getText().contains("\"identitiesDeleted\": 2"), details.getText());

      page.downloadReceipt();
      Path receipt = browser.downloaded("erasure-receipt-" + erasureId + ".json", DOWNLOAD);
      assertTrue(Files.readString(receipt).contains(erasureId), Files.readString(receipt));
    }
  }

  @Test
  void exportsHoldTheRecordsTheFiltersSelect() throws Exception {
    try (Browser browser = Browser.start("auditor-exports-the-filtered-records")) {
      AuditPage page = signIn(browser, auditor).openAuditPageFromNavigation().shown();
      page.filterByOrganisation(erased.name(), STEPS.size());

      page.exportCsv();
      List<String> csv = Files.readAllLines(browser.downloaded("org-erasure-audit.csv", DOWNLOAD));
      page.exportJsonLines();
      List<String> jsonLines =
          Files.readAllLines(browser.downloaded("org-erasure-audit.jsonl", DOWNLOAD));

      // CSV: the header, the records, the checkpoint the export ends with.
      assertEquals(STEPS.size() + 2, csv.size(), String.join("\n", csv));
      assertEquals(
          STEPS.size(), csv.stream().filter(line -> line.contains(erasureId)).count(), csv.get(0));
      // JSON Lines (docs/audit.md, "Export"): a selection's header, the records, the checkpoint.
      assertEquals(STEPS.size() + 2, jsonLines.size(), String.join("\n", jsonLines));
      assertTrue(jsonLines.get(0).contains("\"complete\":false"), jsonLines.get(0));
      assertEquals(
          STEPS.size(),
          jsonLines.stream()
              .filter(line -> line.startsWith("{\"record\"") && line.contains(erasureId))
              .count());
    }
  }

  @Test
  void eraserWithoutTheAuditRoleSeesTheErasureEntryButNoAuditEntry() {
    try (Browser browser = Browser.start("eraser-sees-no-audit-entry")) {
      AdminConsole console = signIn(browser, sut.demo().realmAdmin());
      console.openErasurePageFromNavigation().shown();
      browser.screenshot("01-erasure-entry-only");

      assertFalse(console.showsAuditNavEntry());
    }
  }

  @Test
  void adminWhoMayViewEventsButHasNoAuditRoleSeesNoEntryAndNoRecords() {
    Member eventViewer = Admins.adminWith(sut, "view-events");
    try (Browser browser = Browser.start("event-viewer-sees-no-audit-entry")) {
      AdminConsole console = signIn(browser, eventViewer);
      AuditPage page = console.openAuditPageByAddress().shown();

      assertTrue(page.showsNoAccess());
      browser.screenshot("01-no-entry-no-access");
      assertFalse(console.showsAuditNavEntry());
    }
  }

  private AdminConsole signIn(Browser browser, Member admin) {
    AdminConsole console = new AdminConsole(browser, sut.system().keycloakUrl());
    console.signIn(admin);
    return console;
  }
}
