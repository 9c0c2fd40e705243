package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.browser.RecruitmentJourney.Applicant;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first partner journey in a real browser: a stranger applies at /apply, the demo partner
 * manager claims and approves the review in the task list, the partner appears in the directory and
 * its portal invitation in the administrator's outbox. The other branches of the process: {@link
 * RecruitmentBranchesBrowserTest}.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class RecruitmentJourneyBrowserTest {

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
    // other tests deploy their own partner-recruitment; make the real one the latest again
    deployments.deploy(deployments.configuredModels());
  }

  @Test
  void shouldTakeAnApplicantFromTheFormToAnApprovedPartner() {
    // an applicant fills in the public form
    String company = RecruitmentJourney.unique("Journey");
    Applicant applicant = journey.apply(company, "Germany", "journey-1");

    // the partner manager logs in and finds the review task
    long taskKey = journey.awaitTask(applicant, "review-application");
    journey.logInAs("manager");
    browser.open(journey.url("/tasks"));
    browser.waitFor(By.id("task-grid"));
    browser.type("task-filter-company", company);
    browser.screenshot("journey-2-task-list");

    // claims and approves it
    journey.openTask(taskKey);
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Approve");
    browser.select("form-field-tier", "Gold");
    browser.screenshot("journey-3-task-view");
    journey.complete();

    // the applicant reads that they are approved
    journey.awaitStatus(applicant, "APPROVED");
    assertThat(journey.openStatusPage(applicant)).contains("Approved");
    browser.screenshot("journey-4-status-page");

    // the partner appears in the directory
    journey.logInAs("manager");
    journey.awaitPartnerListed(company);
    browser.screenshot("journey-5-partner-directory");

    // and the invitation is in the administrator's outbox
    journey.logInAs("admin");
    browser.open(journey.url("/admin/outbox"));
    browser.waitFor(By.id("outbox-grid"));
    browser.waitUntil(driver -> browser.gridContains("outbox-grid", applicant.email()));
    browser.screenshot("journey-6-outbox");
  }
}
