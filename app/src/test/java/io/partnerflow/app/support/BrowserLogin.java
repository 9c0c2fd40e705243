package io.partnerflow.app.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/** Logs a user in through the login page (any password), and switches the UI's language. */
public final class BrowserLogin {

  private BrowserLogin() {}

  /** Signs everyone out (all cookies) and logs the user in; waits for the app's layout. */
  public static void logIn(Browser browser, int port, String username, String password) {
    browser.clearCookies();
    By name = By.cssSelector("vaadin-login-form input[name='username']");
    // the first page of a test JVM may take longer than one wait on a busy machine (dev bundle)
    for (int attempt = 1; ; attempt++) {
      browser.open("http://localhost:" + port + "/login");
      try {
        browser.waitFor(name);
        break;
      } catch (TimeoutException slow) {
        if (attempt == 3) {
          throw slow;
        }
      }
    }
    browser.waitFor(name).sendKeys(username);
    WebElement field = browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    field.sendKeys(password);
    field.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("language-switch"));
  }

  /** Switches the UI to Chinese with the layout's language switch. */
  public static void chinese(Browser browser) {
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "首页");
  }
}
