package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Value;

/** A person in a real browser: log in, see the layout, switch to Chinese. */
@PartnerflowTest
class LoginAndLanguageBrowserTest {

  private static final By NAV_ITEMS = By.cssSelector("#main-navigation vaadin-side-nav-item");

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
  void shouldLogInAsManagerAndSwitchTheNavigationToChinese() {
    // given
    browser.open("http://localhost:" + port + "/");
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
    browser.screenshot("login");

    // when
    logIn("manager", "demo");

    // then: the main layout, with the manager's menu only
    browser.waitFor(By.id("home-view"));
    browser.waitForText(By.id("home-view"), "Welcome, manager");
    assertThat(navigationLabels()).contains("Home").doesNotContain("Users");
    browser.screenshot("main-layout-en");

    // when
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();

    // then: the page reloads in Chinese and stays so
    browser.waitForText(By.id("main-navigation"), "首页");
    assertThat(navigationLabels()).contains("首页");
    browser.screenshot("main-layout-zh");
    browser.open("http://localhost:" + port + "/");
    browser.waitForText(By.id("home-view"), "欢迎");
  }

  @Test
  void shouldShowTheAdministratorTheUsersMenu() {
    // given
    browser.open("http://localhost:" + port + "/login");
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));

    // when
    logIn("admin", "demo");

    // then
    browser.waitFor(By.id("home-view"));
    assertThat(navigationLabels()).contains("Home", "Users");
  }

  private void logIn(String username, String password) {
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
    WebElement passwordField =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    passwordField.sendKeys(password);
    passwordField.sendKeys(Keys.ENTER);
  }

  private List<String> navigationLabels() {
    browser.waitFor(NAV_ITEMS);
    return browser.driver().findElements(NAV_ITEMS).stream().map(WebElement::getText).toList();
  }
}
