package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.DashboardDataSet;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards in a real browser, drawn by Chart.js: the team lead's home and the channel
 * dashboard in English and Chinese at 1400 px, and the channel dashboard on a phone (375 px).
 * Screenshots: {@code target/screenshots/dashboard-<lang>-NN-*.png}.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class DashboardBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcClient jdbc;
  @Autowired UserAccountService users;

  private Browser browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = SharedBrowser.get();
    browser.driver().manage().window().setSize(new Dimension(1400, 1000));
  }

  @AfterEach
  void restoreSize() {
    if (browser != null) {
      browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  void shouldDrawTheHomeAndTheChannelDashboardInBothLanguagesAndOnAPhone() {
    DashboardDataSet data = new DashboardDataSet(jdbc, users);
    String channel =
        "/dashboard/channel?from=" + data.firstDay + "&to=" + data.lastDay + "&country=TV";

    // a partner manager's home: tasks by due date, their own partners by status and tier
    logInAs(data.manager, DashboardDataSet.PASSWORD);
    awaitCharts("home-partners-tier");
    awaitCharts("home-partners-status");
    browser.screenshot("dashboard-en-01-home");
    assertThat(browser.driver().findElements(By.id("home-channel-link"))).isEmpty();

    // the team lead's home links the channel dashboard
    logInAs("lead", "demo");
    assertThat(browser.waitFor(By.id("home-channel-link")).getText())
        .isEqualTo("Open the channel dashboard");

    // the channel dashboard of the data set's period and country: 5 applications, 1 active
    browser.open(url(channel));
    awaitCharts("dashboard-funnel");
    browser.waitForText(By.id("dashboard-applications"), "5");
    browser.waitForText(By.id("dashboard-active"), "1");
    assertThat(browser.driver().getCurrentUrl()).contains("country=TV");
    browser.screenshot("dashboard-en-02-channel");
    // the funnel's figures as a table, for whoever does not read charts
    browser.driver().findElement(By.cssSelector("#dashboard-funnel vaadin-details")).click();
    browser.waitForText(By.cssSelector("#dashboard-funnel table"), "Contract signed");
    browser.screenshot("dashboard-en-03-channel-table");

    // on a phone: the charts stack, one per row
    browser.driver().manage().window().setSize(new Dimension(375, 812));
    browser.open(url(channel));
    awaitCharts("dashboard-funnel");
    browser.screenshot("dashboard-en-04-channel-phone");
    browser.driver().manage().window().setSize(new Dimension(1400, 1000));

    // in Chinese
    switchLanguage("中文");
    awaitCharts("dashboard-funnel");
    browser.open(url(channel));
    awaitCharts("dashboard-funnel");
    browser.waitForText(By.id("channel-dashboard"), "招募漏斗");
    browser.screenshot("dashboard-zh-02-channel");
    // (the language is kept in the session: a new login starts in English)
    logInAs(data.manager, DashboardDataSet.PASSWORD);
    switchLanguage("中文");
    browser.waitForText(By.id("home-view"), "我的合作伙伴");
    awaitCharts("home-partners-tier");
    browser.screenshot("dashboard-zh-01-home");

    // a partner manager who is no team lead is refused the channel dashboard
    logInAs("manager", "demo");
    browser.open(url(channel));
    browser.waitForText(By.tagName("body"), "team leads and administrators");
    assertThat(browser.driver().findElements(By.id("dashboard-funnel"))).isEmpty();
  }

  private void awaitCharts(String chartId) {
    browser.waitFor(By.cssSelector("#" + chartId + " .pf-chart-canvas[data-drawn='true']"));
  }

  private void switchLanguage(String label) {
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '" + label + "')]")).click();
  }

  private void logInAs(String username, String secret) {
    browser.clearCookies();
    browser.open(url("/login"));
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
    WebElement password =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    password.sendKeys(secret);
    password.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("home-view"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
