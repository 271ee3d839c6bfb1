package dev.orgerasure.e2e.browser;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The "Organisation erasure" page of the admin console: the list, the erase dialog, the progress.
 */
public final class ErasurePage {

  private static final Duration UI = Duration.ofSeconds(20);
  private static final By CONFIRMATION = By.id("org-erasure-confirmation");
  private static final By CONFIRM_BUTTON = By.id("org-erasure-confirm");
  private static final By PROGRESS = By.id("org-erasure-progress");

  private final Browser browser;

  ErasurePage(Browser browser) {
    this.browser = browser;
  }

  /** Waits for the page's title; the console's own content is hidden behind it. */
  public ErasurePage shown() {
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-title]")));
    return this;
  }

  public boolean showsNoAccess() {
    return browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-no-access]")))
        .isDisplayed();
  }

  /** The organisation's row once its app-data cell is answered: counts, or "unavailable". */
  /** The sentence that says how the realm models its tenants. */
  public String tenantModelText() {
    return browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-tenant-model]")))
        .getText();
  }

  public WebElement organisationRow(String name) {
    By appData =
        By.cssSelector("tr[data-organization='" + name + "'] [data-testid=org-erasure-app-data]");
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.textMatches(
                appData, Pattern.compile("\\d+ rows, \\d+ files|unavailable")));
    return browser.driver().findElement(By.cssSelector("tr[data-organization='" + name + "']"));
  }

  /**
   * Opens the erase dialog of the organisation and waits for the service's counts, or for word that
   * they are unavailable.
   */
  public void openEraseDialog(String name) {
    organisationRow(name).findElement(By.cssSelector("[data-testid=org-erasure-erase]")).click();
    browser
        .waiting(UI)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("org-erasure-dialog")));
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.or(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-testid=org-erasure-inventory]"), "File store"),
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#org-erasure-dialog .pf-m-warning"))));
  }

  /** Opens the organisation's "Self-service…" dialog and waits for its list of members. */
  public void openSelfServiceDialog(String name) {
    organisationRow(name)
        .findElement(By.cssSelector("[data-testid=org-erasure-self-service]"))
        .click();
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=org-erasure-self-service-erasers]")),
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-testid=org-erasure-self-service-none]"))));
  }

  /** Allows the member of this username in the open dialog, and waits for their row. */
  public void allowSelfServiceEraser(String username) {
    WebElement input = browser.driver().findElement(By.id("org-erasure-self-service-username"));
    input.sendKeys(username);
    browser.driver().findElement(By.id("org-erasure-self-service-allow")).click();
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(
                    "[data-testid=org-erasure-self-service-erasers] tr[data-username='"
                        + username
                        + "']")));
  }

  public String selfServiceDialogText() {
    return browser.driver().findElement(By.id("org-erasure-self-service-dialog")).getText();
  }

  public String dialogText() {
    return browser.driver().findElement(By.id("org-erasure-dialog")).getText();
  }

  /** The dialog's notice of who keeps their account, once the preview arrived. */
  public String keptMembersText() {
    return browser
        .waiting(Duration.ofSeconds(30))
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-kept-members]")))
        .getText();
  }

  public String inventoryText() {
    return browser
        .driver()
        .findElement(By.cssSelector("[data-testid=org-erasure-inventory]"))
        .getText();
  }

  public void typeConfirmation(String text) {
    WebElement input = browser.driver().findElement(CONFIRMATION);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  /** A grace period in the dialog's units: {@code hours} or {@code days}. */
  public void typeGracePeriod(int amount, String unit) {
    WebElement input = browser.driver().findElement(By.id("org-erasure-grace"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(Integer.toString(amount));
    new Select(browser.driver().findElement(By.id("org-erasure-grace-unit"))).selectByValue(unit);
  }

  /** The member policy in the dialog: {@code ERASE} or {@code DETACH}. */
  public void chooseMemberPolicy(String policy) {
    browser
        .driver()
        .findElement(By.cssSelector("label[for=org-erasure-policy-" + policy.toLowerCase() + "]"))
        .click();
  }

  /** The grace period's notice in the progress view: when the purge starts, and the cancel. */
  public String gracePeriodText() {
    return browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-grace-period]")))
        .getText();
  }

  public void cancelErasure() {
    browser
        .waiting(UI)
        .until(ExpectedConditions.elementToBeClickable(By.id("org-erasure-cancel")))
        .click();
  }

  public boolean confirmEnabled() {
    return browser.driver().findElement(CONFIRM_BUTTON).isEnabled();
  }

  public void confirm() {
    browser.waiting(UI).until(ExpectedConditions.elementToBeClickable(CONFIRM_BUTTON)).click();
  }

  /**
   * Submits the dialog's form whatever its button says, as a request forged past the page would.
   */
  public void forceSubmit() {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById('org-erasure-form').requestSubmit()");
  }

  /** The text of the first alert that appears. */
  public String alertText() {
    return browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-alert].pf-m-danger")))
        .getText();
  }

  public boolean dialogOpen() {
    return !browser.driver().findElements(By.id("org-erasure-dialog")).isEmpty();
  }

  /** Waits until the progress view shows {@code state}; returns the progress view. */
  public WebElement awaitProgressState(String state, Duration timeout) {
    browser
        .waiting(timeout)
        .until(
            ExpectedConditions.attributeToBe(
                By.cssSelector("#org-erasure-progress [data-testid=org-erasure-state]"),
                "data-state",
                state));
    return browser.driver().findElement(PROGRESS);
  }

  public String progressField(String testId) {
    return browser
        .driver()
        .findElement(
            By.cssSelector("#org-erasure-progress [data-testid=org-erasure-" + testId + "]"))
        .getText();
  }

  /** "done / total" of one of the progress bars: members-locked, identities-deleted. */
  public String progressMeasure(String bar) {
    return browser
        .driver()
        .findElement(
            By.cssSelector(
                "#org-erasure-progress [data-testid=org-erasure-"
                    + bar
                    + "] .org-erasure-bar__measure"))
        .getText();
  }

  public WebElement progress() {
    return browser.waiting(UI).until(ExpectedConditions.visibilityOfElementLocated(PROGRESS));
  }

  /** The app-data calls the page has made so far, as the browser's resource timings list them. */
  public List<String> appDataCalls() {
    Object urls =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(name => name.includes('/app-data'))");
    return ((List<?>) urls).stream().map(String::valueOf).toList();
  }
}
