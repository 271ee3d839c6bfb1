package dev.orgerasure.e2e.browser;

import dev.orgerasure.e2e.demo.DemoRealm;
import dev.orgerasure.e2e.demo.Member;
import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Keycloak's account console of realm learning, with our "Delete organisation" entry for org
 * admins.
 */
public final class AccountConsole {

  private static final By DELETE_ORGANISATION = By.id("nav-item-delete-organisation");
  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

  private final Browser browser;
  private final URI keycloakUrl;
  private final String realm;

  public AccountConsole(Browser browser, URI keycloakUrl) {
    this(browser, keycloakUrl, DemoRealm.REALM);
  }

  /** The console of another realm, e.g. {@code learning-groups}. */
  public AccountConsole(Browser browser, URI keycloakUrl, String realm) {
    this.browser = browser;
    this.keycloakUrl = keycloakUrl;
    this.realm = realm;
  }

  /**
   * Signs in on Keycloak's login pages and waits until the page decided whether to offer the entry.
   */
  public void signIn(Member member) {
    browser.driver().get(keycloakUrl.resolve("/realms/" + realm + "/account/").toString());
    LoginPages.signIn(browser, member);
    // The <html> element is looked up on every poll: the login page's own is gone after the
    // redirect, and holding it fails with a stale reference when the redirect is slow.
    browser
        .waiting(PAGE_LOAD)
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              String decided =
                  driver
                      .findElement(By.tagName("html"))
                      .getAttribute("data-org-erasure-self-service");
              return decided != null && !decided.isEmpty();
            });
  }

  public boolean offersDeleteOrganisation() {
    return "offered"
            .equals(
                browser
                    .driver()
                    .findElement(By.tagName("html"))
                    .getAttribute("data-org-erasure-self-service"))
        && browser
            .waiting(PAGE_LOAD)
            .until(ExpectedConditions.visibilityOfElementLocated(DELETE_ORGANISATION))
            .isDisplayed();
  }

  public boolean showsDeleteOrganisationEntry() {
    return !browser.driver().findElements(DELETE_ORGANISATION).isEmpty();
  }

  /** Follows "Delete organisation" into Keycloak's required action. */
  public SelfServicePages deleteOrganisation() {
    WebElement entry =
        browser
            .waiting(PAGE_LOAD)
            .until(ExpectedConditions.elementToBeClickable(DELETE_ORGANISATION));
    entry.click();
    return new SelfServicePages(browser);
  }

  /** Starts the erasure action by address, as someone would who has no entry for it. */
  public SelfServicePages forceErasureAction() {
    String query =
        "client_id=account-console&response_type=code&scope=openid&kc_action="
            + DemoRealm.ERASURE_ACTION
            + "&redirect_uri="
            + keycloakUrl.resolve("/realms/" + realm + "/account/")
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=forced";
    browser
        .driver()
        .get(
            keycloakUrl
                .resolve("/realms/" + realm + "/protocol/openid-connect/auth?" + query)
                .toString());
    return new SelfServicePages(browser);
  }
}
