package dev.orgerasure.e2e.browser;

import dev.orgerasure.e2e.demo.Member;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Keycloak's login pages: username first, then password, as in realms with organisations. */
final class LoginPages {

  private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

  private LoginPages() {}

  static void signIn(Browser browser, Member member) {
    type(browser, By.id("username"), member.username());
    browser.driver().findElement(By.id("kc-login")).click();
    typePassword(browser, member);
  }

  static void typePassword(Browser browser, Member member) {
    type(browser, By.id("password"), member.password());
    browser.driver().findElement(By.id("kc-login")).click();
  }

  private static void type(Browser browser, By field, String text) {
    WebElement input =
        browser.waiting(PAGE_LOAD).until(ExpectedConditions.visibilityOfElementLocated(field));
    input.clear();
    input.sendKeys(text);
  }
}
