package dev.orgerasure.e2e.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The "Erasure audit" page of the admin console: filters, records, one erasure's details, exports
 * and the verification of the log.
 */
public final class AuditPage {

  private static final Duration UI = Duration.ofSeconds(20);
  private static final By RECORDS = By.cssSelector("[data-testid=org-erasure-audit-record]");
  private static final By DETAILS = By.id("org-erasure-audit-details");
  private static final By VERIFICATION =
      By.cssSelector("[data-testid=org-erasure-audit-verification]");

  private final Browser browser;

  AuditPage(Browser browser) {
    this.browser = browser;
  }

  /** Waits for the page's title; the console's own content is hidden behind it. */
  public AuditPage shown() {
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-audit-title]")));
    return this;
  }

  public boolean showsNoAccess() {
    return browser
        .waiting(UI)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=org-erasure-audit-no-access]")))
        .isDisplayed();
  }

  /**
   * Searches for the records of organisations whose name contains {@code name} and waits until the
   * table shows {@code expectedRecords} of them.
   */
  /** The statuses the status filter offers, once the server named them. */
  public List<String> statusOptions() {
    By options = By.cssSelector("#org-erasure-audit-status option[value]:not([value=''])");
    browser.waiting(UI).until(ExpectedConditions.presenceOfElementLocated(options));
    return browser.driver().findElements(options).stream()
        .map(option -> option.getAttribute("value"))
        .toList();
  }

  public List<WebElement> filterByOrganisation(String name, int expectedRecords) {
    WebElement field = browser.driver().findElement(By.id("org-erasure-audit-organization"));
    field.clear();
    field.sendKeys(name);
    browser.driver().findElement(By.cssSelector("[data-testid=org-erasure-audit-search]")).click();
    // React replaces the rows when the answer arrives; a row read meanwhile is read again.
    return browser
        .waiting(UI)
        .ignoring(StaleElementReferenceException.class)
        .until(
            shown -> {
              List<WebElement> rows = shown.findElements(RECORDS);
              boolean onlyThatOrganisation =
                  rows.stream().allMatch(row -> cells(row).get(3).getText().contains(name));
              return rows.size() == expectedRecords && onlyThatOrganisation ? rows : null;
            });
  }

  /** A record's cells: seq, time, event, organisation, realm, e-mail, members, status. */
  public static List<WebElement> cells(WebElement row) {
    return row.findElements(By.tagName("td"));
  }

  /** Clicks the record and waits for its erasure's records with their counts. */
  public WebElement openErasureOf(WebElement record, int expectedRecords) {
    record.click();
    return browser
        .waiting(UI)
        .ignoring(StaleElementReferenceException.class)
        .until(
            shown -> {
              List<WebElement> rows =
                  shown.findElements(
                      By.cssSelector(
                          "#org-erasure-audit-details [data-testid=org-erasure-audit-erasure-records] tbody tr"));
              return rows.size() == expectedRecords ? shown.findElement(DETAILS) : null;
            });
  }

  public void downloadReceipt() {
    click("org-erasure-audit-receipt");
  }

  public void exportCsv() {
    click("org-erasure-audit-export-csv");
  }

  public void exportJsonLines() {
    click("org-erasure-audit-export-jsonl");
  }

  /** Asks the server to check the whole log; returns the alert with its outcome. */
  public WebElement verify() {
    click("org-erasure-audit-verify");
    return browser
        .waiting(Duration.ofSeconds(60))
        .until(ExpectedConditions.visibilityOfElementLocated(VERIFICATION));
  }

  private void click(String testId) {
    browser
        .waiting(UI)
        .until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=" + testId + "]")))
        .click();
  }
}
