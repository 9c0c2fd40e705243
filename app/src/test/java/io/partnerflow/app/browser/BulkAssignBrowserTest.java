package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.browser.RecruitmentJourney.Applicant;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team lead finds three review tasks by company name, assigns them to a manager in one go; the
 * manager sees the count in the header, gets the notice, opens one, attaches a file and completes
 * it — in English and in Chinese. Screenshots: target/screenshots/bulk-&lt;lang&gt;-NN-*.png.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class BulkAssignBrowserTest {

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
  }

  @Test
  void shouldLetALeadHandThreeTasksToAManagerInEnglish() {
    journey("en", "Max Manager", "Approve", "Gold", "Done", "3 of 3 tasks done");
  }

  @Test
  void shouldLetALeadHandThreeTasksToAManagerInChinese() {
    journey("zh", "Max Manager", "批准", "金牌", "已完成", "已完成 3 / 3 项任务");
  }

  private void journey(
      String lang,
      String managerName,
      String approve,
      String gold,
      String resultDone,
      String resultSummary) {
    // given: three applications of one group of companies, waiting for review
    String group = RecruitmentJourney.unique("Bulkco " + lang);
    List<Long> tasks = new ArrayList<>();
    for (String branch : List.of("Alpha", "Beta", "Gamma")) {
      Applicant applicant =
          journey.apply(group + " " + branch, "Germany", "bulk-" + lang + "-00-" + branch);
      tasks.add(journey.awaitTask(applicant, "review-application"));
    }
    // the manager starts from an opened list, so the count holds only what comes now
    journey.logInAs("manager");
    inLanguage(lang);
    browser.open(journey.url("/tasks"));
    browser.waitFor(By.id("task-grid"));

    // when: the lead filters by the group's name and selects the three rows
    journey.logInAs("lead");
    inLanguage(lang);
    browser.open(journey.url("/tasks"));
    browser.waitFor(By.id("task-grid"));
    browser.type("task-filter-company", group.toLowerCase());
    browser.waitUntil(driver -> driver.getCurrentUrl().contains("company="));
    waitForRow(group + " Gamma");
    browser.screenshot("bulk-" + lang + "-01-filtered");
    selectAllRows(3);
    browser.waitForText(By.id("bulk-selected"), "3");

    // and assigns them to the manager
    chooseColleague(managerName);
    browser.screenshot("bulk-" + lang + "-02-selected");
    browser.click("bulk-assign");

    // then: every row says done
    browser.waitForText(By.id("bulk-result-summary"), resultSummary);
    browser.waitUntil(driver -> browser.gridContains("bulk-result-lines", resultDone));
    browser.screenshot("bulk-" + lang + "-03-result");
    browser.click("bulk-result-close");
    for (long task : tasks) {
      assertThat(assigneeOf(task)).isEqualTo("manager");
    }

    // when: the manager logs in (a new session: the language is chosen again)
    journey.logInAs("manager");
    inLanguage(lang);
    // then: the header counts the three tasks
    browser.waitForText(By.id("new-tasks-count"), "3");
    browser.screenshot("bulk-" + lang + "-04-count");

    // and a notice for each waits in the outbox, in the manager's language
    List<String> locales =
        jdbc.sql(
                "select locale from app.notification_outbox where template = 'task-assigned'"
                    + " and reference_type = 'task' and reference_id in (:keys)")
            .param("keys", tasks.stream().map(String::valueOf).toList())
            .query(String.class)
            .list();
    assertThat(locales).hasSize(3).containsOnly(lang.equals("zh") ? "zh-CN" : "en");

    // when: the manager opens one from the list and completes it
    browser.open(journey.url("/tasks"));
    browser.waitFor(By.id("task-grid"));
    journey.openTask(tasks.get(0));
    browser.choose("form-field-decision", approve);
    browser.select("form-field-tier", gold);
    // and attaches the notes of a call with the applicant to the review
    browser.upload(
        "reviewDocument",
        Browser.uploadFile(
            "bulk-call-notes-" + lang + ".pdf",
            "%PDF-1.4\n% call notes\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    browser.waitForText(By.id("form-file-reviewDocument"), "bulk-call-notes-" + lang + ".pdf");
    browser.screenshot("bulk-" + lang + "-05-task");
    journey.complete();

    // then: the count started again when the list opened
    browser.waitUntil(driver -> !countVisible());
    browser.screenshot("bulk-" + lang + "-06-done");

    // the notice as an administrator reads it in the outbox
    journey.logInAs("admin");
    inLanguage(lang);
    browser.open(journey.url("/admin/outbox"));
    browser.waitFor(By.id("outbox-grid"));
    browser.screenshot("bulk-" + lang + "-07-outbox");
  }

  private void inLanguage(String lang) {
    if (lang.equals("zh")) {
      browser.waitFor(By.id("language-switch")).click();
      browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
      browser.waitForText(By.id("main-navigation"), "首页");
    }
  }

  private boolean countVisible() {
    List<WebElement> count = browser.driver().findElements(By.id("new-tasks-count"));
    return !count.isEmpty() && count.get(0).isDisplayed();
  }

  /** Ticks the check box of every rendered row (the list is filtered to {@code rows} rows). */
  private void selectAllRows(int rows) {
    browser.waitUntil(driver -> rowCheckboxes().size() >= rows);
    for (WebElement box : rowCheckboxes()) {
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", box);
    }
  }

  /** The selection column's check boxes of body rows (not the header's "select all"). */
  @SuppressWarnings("unchecked")
  private List<WebElement> rowCheckboxes() {
    return (List<WebElement>)
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "return Array.from(document.querySelectorAll('#task-grid vaadin-checkbox'))"
                    + ".filter(box => { const cell = box.closest('vaadin-grid-cell-content');"
                    + " return cell && cell.assignedSlot"
                    + " && cell.assignedSlot.parentElement.localName === 'td'; });");
  }

  private void chooseColleague(String name) {
    WebElement input = browser.waitFor(By.cssSelector("#bulk-assignee input"));
    input.click();
    input.sendKeys(name);
    browser.waitFor(By.xpath("//vaadin-combo-box-item[contains(., '" + name + "')]"));
    input.sendKeys(Keys.ENTER);
    browser.waitUntil(
        driver ->
            name.equals(
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "return document.querySelector('#bulk-assignee input').value;")));
  }

  private String assigneeOf(long task) {
    return client.newUserTaskGetRequest(task).send().join().getAssignee();
  }

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
}
