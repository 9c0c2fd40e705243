package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.browser.RecruitmentJourney.Applicant;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team lead finds a company's review task by its name, keeps the filter, opens the task and reads
 * the application in words — in English and in Chinese. Screenshots land in
 * target/screenshots/tasklist-&lt;lang&gt;-NN-*.png.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class TaskListBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private Browser browser;
  private RecruitmentJourney journey;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
    deployments.deploy(deployments.configuredModels());
    browser.driver().manage().window().setSize(new Dimension(1400, 900));
  }

  @AfterEach
  void restoreWindow() {
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    jdbc.sql("DELETE FROM app.task_saved_filter").update();
  }

  @Test
  void shouldLetALeadFindATaskByCompanyNameAndReadItInWords() {
    // given: an application waiting for review
    String company = RecruitmentJourney.unique("Tasklist Findme");
    Applicant applicant = journey.apply(company, "Germany", "tasklist-en-00");
    long taskKey = journey.awaitTask(applicant, "review-application");

    // when: the lead opens the list and types part of the company's name
    journey.logInAs("lead");
    browser.open(journey.url("/tasks"));
    browser.waitFor(By.id("task-grid"));
    browser.screenshot("tasklist-en-01-list");
    browser.type("task-filter-company", company.toLowerCase());
    browser.waitUntil(driver -> driver.getCurrentUrl().contains("company="));
    waitForRow(company);

    // then: one row, naming the company, the step and the process in words
    waitForRow("Review application");
    assertThat(browser.gridContains("task-grid", "Partner recruitment")).isTrue();
    assertThat(browser.gridContains("task-grid", "review-application")).isFalse();
    browser.screenshot("tasklist-en-02-filtered");

    // when: the lead saves the filter
    browser.click("save-filter");
    browser.type("saved-filter-name", "Findme");
    browser.click("saved-filter-confirm");
    browser.waitForText(By.id("saved-filters"), "Findme (1)");
    browser.screenshot("tasklist-en-03-saved-filter");

    // and opens the task from the list
    rowNaming(company).click();
    browser.waitFor(By.id("task-form"));
    String context = browser.waitFor(By.id("task-context")).getText();

    // then: the facts once, in words; the form holds the decision only
    assertThat(context).contains(company, "Germany", "Reseller", "40", "Ada Applicant");
    assertThat(context).doesNotContain("reseller\n", " DE\n");
    assertThat(browser.driver().findElements(By.id("form-field-companyName"))).isEmpty();
    assertThat(browser.driver().getCurrentUrl()).endsWith("/tasks/" + taskKey);
    browser.screenshot("tasklist-en-04-task");

    // and the back button returns to the filtered list
    browser.driver().navigate().back();
    waitForRow(company);
    assertThat(browser.driver().getCurrentUrl()).contains("company=");

    // on a phone the list is one stacked column
    browser.driver().manage().window().setSize(new Dimension(420, 900));
    waitForRow(company);
    browser.screenshot("tasklist-en-05-phone");
    browser.driver().manage().window().setSize(new Dimension(1400, 900));

    // in Chinese: the shared link, the list and the task in the user's language
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "首页");
    browser.open(journey.url("/tasks?company=" + company.replace(" ", "+")));
    waitForRow(company);
    browser.waitForText(By.id("saved-filters"), "Findme (1)");
    assertThat(browser.gridContains("task-grid", "Review application")).isFalse();
    browser.screenshot("tasklist-zh-06-filtered");
    rowNaming(company).click();
    browser.waitFor(By.id("task-form"));
    String chinese = browser.waitFor(By.id("task-context")).getText();
    assertThat(chinese).contains(company, "德国");
    browser.screenshot("tasklist-zh-07-task");
  }

  /** Waits for a grid cell with the text; cells re-rendered meanwhile are looked up again. */
  private void waitForRow(String text) {
    browser.waitUntil(
        driver -> {
          try {
            return browser.gridContains("task-grid", text);
          } catch (StaleElementReferenceException rerendered) {
            return false;
          }
        });
  }

  private WebElement rowNaming(String company) {
    return browser
        .driver()
        .findElements(By.cssSelector("#task-grid vaadin-grid-cell-content"))
        .stream()
        .filter(cell -> cell.getText().contains(company))
        .findFirst()
        .orElseThrow();
  }
}
