package dev.orgerasure.e2e.browser;

import dev.orgerasure.e2e.demo.Member;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The org admin's erasure pages of our login theme (the org-erasure required action). */
public final class SelfServicePages {

  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
  private static final By CONFIRM_FORM = By.id("org-erasure-form");
  private static final By CHOOSE_FORM = By.id("org-erasure-choose-form");
  private static final By ERROR_PAGE = By.id("org-erasure-error");
  private static final By STARTED_PAGE = By.id("org-erasure-started");
  private static final By PASSWORD = By.id("password");

  private final Browser browser;

  SelfServicePages(Browser browser) {
    this.browser = browser;
  }

  /**
   * Whether Keycloak asks for the password again before the action (its max_auth_age has passed).
   */
  public boolean asksToReauthenticate() {
    browser
        .waiting(PAGE_LOAD)
        .until(
            ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(PASSWORD),
                ExpectedConditions.visibilityOfElementLocated(CONFIRM_FORM),
                ExpectedConditions.visibilityOfElementLocated(CHOOSE_FORM),
                ExpectedConditions.visibilityOfElementLocated(ERROR_PAGE)));
    return !browser.driver().findElements(PASSWORD).isEmpty();
  }

  public void reauthenticate(Member member) {
    LoginPages.typePassword(browser, member);
  }

  public void reauthenticateIfAsked(Member member) {
    if (asksToReauthenticate()) {
      reauthenticate(member);
    }
  }

  /** On the page for admins of several organisations: picks one by name and continues. */
  public void choose(String organizationName) {
    WebElement form =
        browser
            .waiting(PAGE_LOAD)
            .until(ExpectedConditions.visibilityOfElementLocated(CHOOSE_FORM));
    for (WebElement label : form.findElements(By.cssSelector("label.pf-v5-c-radio__label"))) {
      if (label.getText().startsWith(organizationName + " (")) {
        label.click();
      }
    }
    browser.driver().findElement(By.id("org-erasure-continue")).click();
  }

  public String choicesText() {
    return browser
        .waiting(PAGE_LOAD)
        .until(ExpectedConditions.visibilityOfElementLocated(CHOOSE_FORM))
        .getText();
  }

  public String heading() {
    return browser.driver().findElement(By.id("kc-page-title")).getText();
  }

  public SelfServicePages confirmPageShown() {
    browser.waiting(PAGE_LOAD).until(ExpectedConditions.visibilityOfElementLocated(CONFIRM_FORM));
    return this;
  }

  public String pageText() {
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  public String inventoryText() {
    return browser.driver().findElement(By.id("org-erasure-inventory")).getText();
  }

  /** A grace period on the confirm page: an amount of {@code hours} or {@code days}. */
  public void gracePeriod(int amount, String unit) {
    WebElement input = browser.driver().findElement(By.id("org-erasure-grace"));
    input.clear();
    input.sendKeys(Integer.toString(amount));
    new Select(browser.driver().findElement(By.id("org-erasure-grace-unit"))).selectByValue(unit);
  }

  /** Chooses the member policy on the confirm page: {@code ERASE} or {@code DETACH}. */
  public void memberPolicy(String policy) {
    browser
        .driver()
        .findElement(By.cssSelector("label[for=org-erasure-policy-" + policy.toLowerCase() + "]"))
        .click();
  }

  public void confirmWith(String typedName) {
    WebElement input = browser.driver().findElement(By.id("confirmation"));
    input.clear();
    input.sendKeys(typedName);
    browser.driver().findElement(By.id("org-erasure-submit")).click();
  }

  /** Points the form at another organisation, as a tampered request would. */
  public void tamperOrganisation(String organizationId) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "document.querySelector('#org-erasure-form input[name=organization]').value = arguments[0]",
            organizationId);
  }

  public boolean errorPageShown() {
    return browser
        .waiting(PAGE_LOAD)
        .until(ExpectedConditions.visibilityOfElementLocated(ERROR_PAGE))
        .isDisplayed();
  }

  /** The erasure's id as the "erasure started" page shows it. */
  public String startedErasureId() {
    return browser
        .waiting(PAGE_LOAD)
        .until(ExpectedConditions.visibilityOfElementLocated(STARTED_PAGE))
        .getAttribute("data-erasure-id");
  }
}
