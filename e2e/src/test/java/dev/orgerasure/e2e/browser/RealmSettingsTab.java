package dev.orgerasure.e2e.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Realm settings → org-erasure: a form Keycloak's console renders itself from the extension's field
 * list, so nothing here depends on our own scripts. Fields are found by the realm attribute each
 * one writes, which Keycloak uses as the field's name.
 */
public final class RealmSettingsTab {

  private static final Duration SHOWN = Duration.ofSeconds(30);

  private final Browser browser;

  RealmSettingsTab(Browser browser) {
    this.browser = browser;
  }

  /** Whether the form shows a field with this label. */
  public boolean showsField(String label) {
    return !browser
        .driver()
        .findElements(By.xpath("//label[contains(normalize-space(.), '" + label + "')]"))
        .isEmpty();
  }

  /**
   * Waits for the form, e.g. its grace period field; when it does not come, the page as it was is
   * kept beside the screenshots.
   */
  public RealmSettingsTab awaitForm() {
    try {
      browser.waiting(SHOWN).until(ExpectedConditions.visibilityOfElementLocated(field("grace")));
    } catch (TimeoutException e) {
      browser.screenshot("no-form");
      browser.pageSource("no-form");
      throw e;
    }
    return this;
  }

  /** Types the default grace period, in seconds, in place of what the field held. */
  public void defaultGracePeriodSeconds(String seconds) {
    WebElement input = browser.driver().findElement(field("grace"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"));
    input.sendKeys(Keys.DELETE);
    input.sendKeys(seconds);
  }

  public void save() {
    browser
        .waiting(SHOWN)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space(.)='Save']")))
        .click();
  }

  /** The console's alert after a save, e.g. a success or the refusal's message. */
  public String alert() {
    return browser
        .waiting(SHOWN)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".pf-v5-c-alert__title, [data-testid='last-alert']")))
        .getText();
  }

  /** The input of the field whose name (the realm attribute it writes) contains {@code part}. */
  private static By field(String part) {
    return By.cssSelector(
        "input[id*='"
            + part
            + "'], input[data-testid*='"
            + part
            + "'], input[name*='"
            + part
            + "']");
  }
}
