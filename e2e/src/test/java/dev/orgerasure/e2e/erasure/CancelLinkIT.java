package dev.orgerasure.e2e.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orgerasure.e2e.SystemUnderTest;
import dev.orgerasure.e2e.WholeSystemTest;
import dev.orgerasure.e2e.browser.Browser;
import dev.orgerasure.e2e.demo.DemoOrg;
import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Whoever asked for an erasure with a grace period is locked out with everyone else; the "erasure
 * scheduled" e-mail gives them a single-use cancel link, valid until the grace period ends, that
 * opens a themed page asking to confirm.
 */
@WholeSystemTest
class CancelLinkIT {

  private static final Duration STATE_CHANGE = Duration.ofMinutes(2);
  private static final Duration UI = Duration.ofSeconds(20);

  private final SystemUnderTest sut;

  CancelLinkIT(SystemUnderTest sut) {
    this.sut = sut;
  }

  private record Scheduled(String erasureId, URI link) {}

  /**
   * Starts the erasure; answers it with the cancel link of the e-mail that says it is scheduled.
   */
  private Scheduled scheduled(DemoOrg org, int graceSeconds) throws Exception {
    ErasureAdminApi.Answer started =
        new ErasureAdminApi(
                sut.system().keycloakUrl(),
                sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
            .startErasure(org.id(), org.name(), graceSeconds);
    assertEquals(201, started.status(), started.body());
    String erasureId = started.json().path("id").asText();
    ErasureRecords.awaitState(sut.system(), erasureId, Set.of("SCHEDULED"), STATE_CHANGE);
    return new Scheduled(
        erasureId, CancelLink.mailedTo(sut.system(), DemoRealm.REALM_ADMIN_EMAIL, org.name()));
  }

  static String open(Browser browser, URI link) {
    browser.driver().get(link.toString());
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#org-erasure-cancel, #org-erasure-cancel-refused")));
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  @Test
  void theMailedLinkCancelsOnceAfterConfirmingAndNeverAgain() throws Exception {
    DemoOrg org = sut.createOrg(3);
    Scheduled scheduled = scheduled(org, 3600);
    URI link = scheduled.link();
    try (Browser browser = Browser.start("cancel-link")) {
      String page = open(browser, link);
      assertTrue(page.contains("Cancel the erasure"), page);
      assertEquals("SCHEDULED", ErasureRecords.state(sut.system(), scheduled.erasureId()));
      browser.screenshot("01-confirm-cancel");

      browser.driver().findElement(By.id("org-erasure-cancel-confirm")).click();
      browser
          .waiting(UI)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("org-erasure-cancelled")));
      browser.screenshot("02-cancelled");
      assertEquals("CANCELLED", ErasureRecords.state(sut.system(), scheduled.erasureId()));
      for (Member member : org.members()) {
        assertTrue(RealmState.isEnabled(sut.system(), member.id()), member.username());
      }

      String again = open(browser, link);
      browser.screenshot("03-used-link-refused");
      assertTrue(again.contains("not valid"), again);
    }
  }

  /**
   * A cancel that fails because the service is down does not spend the link: the locked-out
   * requester is told to try again, nothing changed, and the same link cancels once it is back.
   */
  @Test
  void aCancelTheServiceCouldNotAnswerLeavesTheLinkUsable() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Scheduled scheduled = scheduled(org, 3600);
    try (Browser browser = Browser.start("cancel-link-service-down")) {
      open(browser, scheduled.link());
      SystemState before = SystemState.read(sut.system());
      sut.system().stopLiberty();
      try {
        browser.driver().findElement(By.id("org-erasure-cancel-confirm")).click();
        String page =
            browser
                .waiting(UI)
                .until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.id("org-erasure-cancel-refused")))
                .getText();
        browser.screenshot("01-try-again");
        assertTrue(page.contains("try again"), page);
        assertEquals(before, SystemState.read(sut.system()));
      } finally {
        sut.system().startLiberty();
      }

      open(browser, scheduled.link());
      browser.driver().findElement(By.id("org-erasure-cancel-confirm")).click();
      browser
          .waiting(UI)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("org-erasure-cancelled")));
      browser.screenshot("02-cancelled-with-the-same-link");
    }
    assertEquals("CANCELLED", ErasureRecords.state(sut.system(), scheduled.erasureId()));
    for (Member member : org.members()) {
      assertTrue(RealmState.isEnabled(sut.system(), member.id()), member.username());
    }
  }

  @Test
  void aChangedTokenIsRefusedAndChangesNothing() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Scheduled scheduled = scheduled(org, 3600);
    URI link = scheduled.link();
    String changed = link.toString().substring(0, link.toString().length() - 3) + "xyz";
    try (Browser browser = Browser.start("cancel-link-changed")) {
      String page = open(browser, URI.create(changed));
      assertTrue(page.contains("not valid"), page);
    }
    assertEquals("SCHEDULED", ErasureRecords.state(sut.system(), scheduled.erasureId()));
    new ErasureAdminApi(
            sut.system().keycloakUrl(),
            sut.adminConsoleLogin(sut.demo().realmAdmin()).accessToken())
        .cancel(scheduled.erasureId());
  }

  @Test
  void theLinkIsRefusedOnceTheGracePeriodIsOver() throws Exception {
    DemoOrg org = sut.createOrg(2);
    Scheduled scheduled = scheduled(org, 3);
    URI link = scheduled.link();
    ErasureRecords.awaitState(
        sut.system(), scheduled.erasureId(), Set.of("COMPLETED"), STATE_CHANGE);
    try (Browser browser = Browser.start("cancel-link-too-late")) {
      String page = open(browser, link);
      browser.screenshot("01-too-late");
      assertTrue(page.contains("cannot be cancelled"), page);
    }
    assertEquals("COMPLETED", ErasureRecords.state(sut.system(), scheduled.erasureId()));
  }
}
