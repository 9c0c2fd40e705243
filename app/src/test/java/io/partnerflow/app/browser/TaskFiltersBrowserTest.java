package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Saved task filters in Chinese, in a real browser (screenshots journey-tasks-zh-NN-*): a team lead
 * saves the filter they typed, clears the list, opens the saved filter again and deletes it.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class TaskFiltersBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private Browser browser;
  private RecruitmentJourney journey;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
  }

  @AfterEach
  void tearDown() {
    jdbc.sql("DELETE FROM app.task_saved_filter").update();
  }

  @Test
  void shouldSaveOpenAndDeleteAFilterInChinese() {
    // given: the lead, in Chinese, filtering the list by a company name
    journey.logInAs("lead");
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "首页");
    browser.open(journey.url("/tasks"));
    browser.waitFor(By.id("task-grid"));
    browser.type("task-filter-company", "Contoso");
    browser.waitUntil(driver -> driver.getCurrentUrl().contains("company=Contoso"));

    // when: they save it under a Chinese name
    browser.click("save-filter");
    browser.waitFor(By.id("saved-filter-name"));
    browser.type("saved-filter-name", "康托索的任务");
    browser.screenshot("journey-tasks-zh-01-save-filter");
    browser.click("saved-filter-confirm");

    // then: the bar lists it with its count
    browser.waitForText(By.id("saved-filters"), "康托索的任务 (");
    assertThat(browser.waitFor(By.id("saved-filters")).getText()).contains("已保存的筛选");
    browser.screenshot("journey-tasks-zh-02-saved");

    // when: the list is cleared and the saved filter opened again
    browser.click("task-filter-clear");
    browser.waitUntil(driver -> !driver.getCurrentUrl().contains("company="));
    browser.waitFor(By.cssSelector("#saved-filters .saved-filter")).click();

    // then: the filter is back, in the address too
    browser.waitUntil(driver -> driver.getCurrentUrl().contains("company=Contoso"));
    browser.screenshot("journey-tasks-zh-03-opened");

    // when: deleted
    browser.waitFor(By.cssSelector("#saved-filters vaadin-button[aria-label*='康托索的任务']")).click();

    // then
    browser.waitUntil(
        driver -> driver.findElements(By.cssSelector("#saved-filters .saved-filter")).isEmpty());
    browser.screenshot("journey-tasks-zh-04-deleted");
  }
}
