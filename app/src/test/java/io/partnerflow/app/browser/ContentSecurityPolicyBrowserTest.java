package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Value;

/**
 * Vaadin works under the content security policy: the public pages and the staff views load and
 * react without a single violation in the browser's console — while a resource the policy forbids
 * is reported there (so the check can fail).
 */
@PartnerflowTest
class ContentSecurityPolicyBrowserTest {

  @Value("${local.server.port}")
  int port;

  private Browser browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void shouldRunThePublicAndStaffPagesWithoutViolations() {
    // when: the apply form, then a login and the staff views
    browser.open("http://localhost:" + port + "/apply");
    browser.waitFor(By.id("apply-view"));
    browser.open("http://localhost:" + port + "/login");
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("manager");
    WebElement password =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    password.sendKeys("demo");
    password.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("home-view"));
    browser.open("http://localhost:" + port + "/tasks");
    browser.waitFor(By.id("main-navigation"));
    browser.open("http://localhost:" + port + "/partners");
    browser.waitFor(By.id("main-navigation"));

    // then
    assertThat(violations()).isEmpty();

    // and: an image from another origin is blocked and reported, so the log is read for real
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "const i = document.createElement('img');"
                + " i.src = 'http://127.0.0.2:9/forbidden.png'; document.body.appendChild(i);");
    browser.waitUntil(driver -> !violations().isEmpty());
  }

  private List<String> violations() {
    return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy"))
        .toList();
  }
}
