package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first partner journey in a real browser: a stranger applies at /apply, the demo partner
 * manager claims and approves the review in the task list, the partner appears in the directory and
 * its portal invitation in the administrator's outbox.
 */
@PartnerflowTest
class RecruitmentJourneyBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private Browser browser;

  @BeforeEach
  void setUp() throws Exception {
    browser = Browser.start();
    // other tests deploy their own partner-recruitment; make the real one the latest again
    deployments.deploy(deployments.configuredModels());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void shouldTakeAnApplicantFromTheFormToAnApprovedPartner() throws Exception {
    String company = "Journey " + UUID.randomUUID().toString().substring(0, 6);
    String email = "journey-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";

    // an applicant fills in the public form
    browser.open(url("/apply"));
    browser.waitFor(By.id("application-form"));
    browser.type("form-field-companyName", company);
    browser.type("form-field-website", "https://journey.example");
    browser.select("form-field-country", "Germany");
    browser.choose("form-field-partnerType", "Reseller");
    browser.type("form-field-employees", "40");
    browser.type("form-field-yearsInBusiness", "6");
    browser.choose("form-field-targetIndustries", "Software");
    browser.choose("form-field-targetIndustries", "Retail");
    browser.type("form-field-customersInSegment", "12");
    browser.type("form-field-certifiedStaff", "3");
    browser.type("form-field-contactName", "Ada Applicant");
    browser.type("form-field-contactEmail", email);
    browser.check("form-field-consent");
    browser.screenshot("journey-1-application-form");
    browser.click("apply-submit");
    WebElement statusLink = browser.waitFor(By.id("status-link"));
    assertThat(statusLink.getText()).contains("/apply/status/");

    // the partner manager logs in and finds the review task
    long taskKey = awaitReviewTask(company);
    browser.open(url("/login"));
    WebElement username =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
    username.sendKeys("manager");
    WebElement password =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    password.sendKeys("demo");
    password.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("home-view"));
    browser.open(url("/tasks"));
    browser.waitFor(By.id("task-grid"));
    browser.type("task-filter-process", "partner-recruitment");
    browser.screenshot("journey-2-task-list");

    // claims and approves it
    browser.open(url("/tasks/" + taskKey));
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Approve");
    browser.select("form-field-tier", "Gold");
    browser.screenshot("journey-3-task-view");
    browser.click("complete");
    browser.waitFor(By.id("task-list-view"));

    // the partner appears in the directory
    awaitPartner(company);
    browser.open(url("/partners"));
    browser.type("partner-search", company);
    browser.waitUntil(driver -> browser.gridContains("partner-grid", company));

    // and the invitation is in the administrator's outbox
    browser.screenshot("journey-4-partner-directory");
    browser.open(url("/"));
    browser.click("logout");
    WebElement adminName =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
    adminName.sendKeys("admin");
    WebElement adminPassword =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    adminPassword.sendKeys("demo");
    adminPassword.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("home-view"));
    browser.open(url("/admin/outbox"));
    browser.waitFor(By.id("outbox-grid"));
    browser.waitUntil(driver -> browser.gridContains("outbox-grid", email));
    browser.screenshot("journey-5-outbox");
  }

  private long awaitReviewTask(String company) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Optional<Long> instance =
          jdbc.sql(
                  "SELECT process_instance_key FROM app.application"
                      + " WHERE company_name = :company AND process_instance_key IS NOT NULL")
              .param("company", company)
              .query(Long.class)
              .optional();
      Optional<Long> task =
          instance.flatMap(
              key ->
                  client
                      .newUserTaskSearchRequest()
                      .filter(
                          filter ->
                              filter
                                  .processInstanceKey(key)
                                  .elementId("review-application")
                                  .state(UserTaskState.CREATED))
                      .send()
                      .join()
                      .items()
                      .stream()
                      .map(found -> found.getUserTaskKey())
                      .findFirst());
      if (task.isPresent()) {
        return task.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No review task for " + company);
  }

  private void awaitPartner(String company) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      long count =
          jdbc.sql("SELECT count(*) FROM app.partner WHERE name = :name")
              .param("name", company)
              .query(Long.class)
              .single();
      if (count == 1) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No partner " + company);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
