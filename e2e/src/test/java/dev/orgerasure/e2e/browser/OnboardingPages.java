package dev.orgerasure.e2e.browser;

import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in to the account console as a detached member: first our "organisation closed" page (the
 * org-erasure-organisation-closed required action), then the console.
 */
public final class OnboardingPages {

  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
  private static final By CLOSED_PAGE = By.id("org-erasure-organisation-closed");

  private final Browser browser;
  private final URI keycloakUrl;

  public OnboardingPages(Browser browser, URI keycloakUrl) {
    this.browser = browser;
    this.keycloakUrl = keycloakUrl;
  }

  /** Signs in; answers whether the "organisation closed" page came before the account console. */
  public boolean signInShowsOrganisationClosed(Member member) {
    browser
        .driver()
        .get(keycloakUrl.resolve("/realms/" + DemoRealm.REALM + "/account/").toString());
    LoginPages.signIn(browser, member);
    browser
        .waiting(PAGE_LOAD)
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> !driver.findElements(CLOSED_PAGE).isEmpty() || accountConsoleDecided(driver));
    return !browser.driver().findElements(CLOSED_PAGE).isEmpty();
  }

  public String closedPageText() {
    return browser.driver().findElement(CLOSED_PAGE).getText();
  }

  /** Continues from the "organisation closed" page and waits for the account console. */
  public void continueToOnboarding() {
    browser.driver().findElement(By.id("org-erasure-closed-continue")).click();
    browser
        .waiting(PAGE_LOAD)
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.not(ExpectedConditions.presenceOfElementLocated(CLOSED_PAGE)));
    browser
        .waiting(PAGE_LOAD)
        .ignoring(StaleElementReferenceException.class)
        .until(OnboardingPages::accountConsoleDecided);
  }

  private static boolean accountConsoleDecided(org.openqa.selenium.WebDriver driver) {
    String decided =
        driver.findElement(By.tagName("html")).getAttribute("data-org-erasure-self-service");
    return decided != null && !decided.isEmpty();
  }
}
