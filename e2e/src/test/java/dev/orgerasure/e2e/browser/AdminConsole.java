package dev.orgerasure.e2e.browser;

import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Keycloak's admin console of realm learning, as a person uses it, with our erasure and audit pages
 * in it.
 */
public final class AdminConsole {

  private static final By ERASURE_NAV_ENTRY = By.id("nav-item-org-erasure");
  private static final By AUDIT_NAV_ENTRY = By.id("nav-item-org-erasure-audit");

  /** Any entry of the console's own navigation: it lists only those the admin may use. */
  private static final By CONSOLE_NAVIGATION =
      By.cssSelector("a[id^='nav-item-']:not([id^='nav-item-org-erasure'])");

  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

  private static final String MISSING_PARTS_ATTRIBUTE = "data-org-erasure-console-missing";

  private final Browser browser;
  private final URI keycloakUrl;
  private final String realm;

  public AdminConsole(Browser browser, URI keycloakUrl) {
    this(browser, keycloakUrl, DemoRealm.REALM);
  }

  /** The console of another realm, e.g. {@code learning-groups}. */
  public AdminConsole(Browser browser, URI keycloakUrl, String realm) {
    this.browser = browser;
    this.keycloakUrl = keycloakUrl;
    this.realm = realm;
  }

  /**
   * Signs in on Keycloak's login pages (username first, then password, as in realms with
   * organisations).
   */
  public void signIn(Member admin) {
    browser.driver().get(keycloakUrl.resolve("/admin/" + realm + "/console/").toString());
    LoginPages.signIn(browser, admin);
    browser
        .waiting(PAGE_LOAD)
        .until(ExpectedConditions.visibilityOfElementLocated(CONSOLE_NAVIGATION));
  }

  /** Opens the erasure page through its entry in the console's navigation. */
  public ErasurePage openErasurePageFromNavigation() {
    browser
        .waiting(PAGE_LOAD)
        .until(ExpectedConditions.elementToBeClickable(ERASURE_NAV_ENTRY))
        .click();
    return new ErasurePage(browser);
  }

  /** Opens the erasure page by its address, as someone would who has no entry for it. */
  public ErasurePage openErasurePageByAddress() {
    openByAddress("org-erasure");
    return new ErasurePage(browser);
  }

  /** Opens the audit page through its entry in the console's navigation. */
  public AuditPage openAuditPageFromNavigation() {
    browser
        .waiting(PAGE_LOAD)
        .until(ExpectedConditions.elementToBeClickable(AUDIT_NAV_ENTRY))
        .click();
    return new AuditPage(browser);
  }

  /** Opens the audit page by its address, as someone would who has no entry for it. */
  public AuditPage openAuditPageByAddress() {
    openByAddress("org-erasure-audit");
    return new AuditPage(browser);
  }

  /** Opens Realm settings → org-erasure, the form Keycloak renders for the erasure's settings. */
  public RealmSettingsTab openErasureSettingsTab() {
    openByAddress("realm-settings/" + DemoRealm.SETTINGS_FORM);
    return new RealmSettingsTab(browser);
  }

  private void openByAddress(String route) {
    browser
        .driver()
        .get(
            keycloakUrl
                .resolve("/admin/" + realm + "/console/#/" + realm + "/" + route)
                .toString());
    browser
        .waiting(PAGE_LOAD)
        .until(ExpectedConditions.visibilityOfElementLocated(CONSOLE_NAVIGATION));
  }

  /**
   * The parts of the console's own page that our pages rely on and did not find, as the console
   * module reports them (org-erasure-console.js, CONSOLE); empty when every part is there.
   */
  public String missingConsoleParts() {
    String missing =
        browser.driver().findElement(By.tagName("html")).getAttribute(MISSING_PARTS_ATTRIBUTE);
    return missing == null ? "" : missing;
  }

  /** Waits until the console module reports a missing part; answers what it names. */
  public String awaitMissingConsoleParts() {
    return browser
        .waiting(PAGE_LOAD)
        .until(
            driver -> driver.findElement(By.tagName("html")).getAttribute(MISSING_PARTS_ATTRIBUTE));
  }

  /** Takes a part out of the console's page, as a console release that renamed it would. */
  public void removeFromConsole(String elementId) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById(arguments[0])?.remove();", elementId);
  }

  public boolean showsErasureNavEntry() {
    return shows(ERASURE_NAV_ENTRY);
  }

  public boolean showsAuditNavEntry() {
    return shows(AUDIT_NAV_ENTRY);
  }

  private boolean shows(By entry) {
    List<WebElement> entries = browser.driver().findElements(entry);
    return !entries.isEmpty() && entries.get(0).isDisplayed();
  }
}
