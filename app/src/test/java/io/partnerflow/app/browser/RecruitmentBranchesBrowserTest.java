package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.browser.RecruitmentJourney.Applicant;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every branch of bpmn/partner-recruitment.bpmn besides the plain approval (see {@link
 * RecruitmentJourneyBrowserTest}) walked in a real browser, from the public form to what the
 * applicant's status page and the partner directory show at the end. Screenshots of each key step
 * land in target/screenshots/branch-*.png.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class RecruitmentBranchesBrowserTest {

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
  void shouldRejectAnApplicationTheManagerDeclines() {
    // given
    Applicant applicant =
        journey.apply(RecruitmentJourney.unique("Reject"), "France", "branch-reject-1");
    long review = journey.awaitTask(applicant, "review-application");

    // when: the manager claims the review and rejects
    journey.logInAs("manager");
    journey.openTask(review);
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Reject");
    browser.type("form-field-rejectionReason", "Too few references for our segment (internal)");
    browser.type(
        "form-field-applicantMessage",
        "We look forward to your application once you have more references.");
    browser.screenshot("branch-reject-2-decision");
    journey.complete();

    // then: the applicant reads that the application was not accepted, with the message for them
    // and never the internal reason
    journey.awaitStatus(applicant, "REJECTED");
    String statusPage = journey.openStatusPage(applicant);
    assertThat(statusPage).contains("Not accepted").doesNotContain("internal");
    assertThat(journey.statusHistory())
        .contains(
            "In review",
            "Not accepted",
            "We look forward to your application once you have more references.")
        .doesNotContain("internal");
    assertThat(journey.showsInformationRequest()).isFalse();
    browser.screenshot("branch-reject-3-status-page");

    // and the directory has no such partner
    journey.logInAs("manager");
    journey.awaitPartnerNotListed(applicant.company());
    assertThat(journey.partnersOf(applicant)).isZero();
  }

  @Test
  void shouldStopAnApplicationFromADeniedPartyWithoutReview() {
    // given: the company is on config/compliance/denied-parties.csv (its country is not embargoed)
    Applicant applicant =
        journey.apply("Crimson Harbor Shipping LLC", "United Arab Emirates", "branch-blocked-1");

    // when: screening runs
    journey.awaitStatus(applicant, "BLOCKED");

    // then: not accepted, and it never reached a reviewer
    assertThat(journey.openStatusPage(applicant)).contains("Not accepted");
    assertThat(journey.statusHistory()).contains("Not accepted").doesNotContain("In review");
    browser.screenshot("branch-blocked-2-status-page");
    journey.logInAs("manager");
    journey.awaitPartnerNotListed(applicant.company());
    assertThat(journey.partnersOf(applicant)).isZero();
  }

  @Test
  void shouldApproveAfterTheApplicantAnswersARequestForInformation() {
    // given
    String company = RecruitmentJourney.unique("Answer");
    Applicant applicant = journey.apply(company, "Netherlands", "branch-answer-1");
    long firstReview = journey.awaitTask(applicant, "review-application");

    // when: the manager fills in the question first, then claims (the input stays), then sends it
    journey.logInAs("manager");
    journey.openTask(firstReview);
    browser.choose("form-field-decision", "Request information");
    browser.type("form-field-informationRequest", "Which products do you resell today?");
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    assertThat(textOf("form-field-informationRequest"))
        .isEqualTo("Which products do you resell today?");
    browser.screenshot("branch-answer-2-question-after-claim");
    journey.complete();

    // and the applicant answers on the status page
    journey.awaitStatus(applicant, "INFORMATION_REQUESTED");
    assertThat(journey.openStatusPage(applicant)).contains("Information requested");
    assertThat(textOf("form-field-informationRequest"))
        .isEqualTo("Which products do you resell today?");
    browser.type("form-field-additionalInformation", "Mostly CRM and analytics suites.");
    browser.screenshot("branch-answer-3-applicant-answers");
    browser.click("information-submit");
    browser.waitForText(By.id("status-message"), "Thank you");

    // then: the new review opens (it crashed on a variable set to null) and can be approved
    long secondReview = journey.awaitTask(applicant, "review-application");
    assertThat(secondReview).isNotEqualTo(firstReview);
    journey.logInAs("manager");
    journey.openTask(secondReview);
    browser.waitForText(By.id("task-context"), company);
    browser.screenshot("branch-answer-4-second-review");
    // the second round starts without the first round's decision
    assertThat(browser.waitFor(By.id("form-field-decision")).getAttribute("value")).isNullOrEmpty();
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Approve");
    browser.select("form-field-tier", "Silver");
    journey.complete();

    // and the applicant is approved, the partner listed
    journey.awaitStatus(applicant, "APPROVED");
    assertThat(journey.openStatusPage(applicant)).contains("Approved");
    assertThat(journey.statusHistory()).contains("Information requested", "In review", "Approved");
    assertThat(journey.showsInformationRequest()).isFalse();
    browser.screenshot("branch-answer-5-status-page");
    journey.logInAs("manager");
    journey.awaitPartnerListed(company);
    browser.screenshot("branch-answer-6-partner-directory");
    assertThat(journey.partnersOf(applicant)).isOne();
  }

  @Test
  void shouldWithdrawTheApplicationWhenTheApplicantDoesNotAnswerFor14Days() {
    // given: the manager asked a question
    Applicant applicant =
        journey.apply(RecruitmentJourney.unique("Silent"), "Germany", "branch-withdrawn-1");
    long review = journey.awaitTask(applicant, "review-application");
    journey.logInAs("manager");
    journey.openTask(review);
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Request information");
    browser.type("form-field-informationRequest", "Can you send two customer references?");
    journey.complete();
    journey.awaitStatus(applicant, "INFORMATION_REQUESTED");
    journey.openStatusPage(applicant);
    assertThat(journey.showsInformationRequest()).isTrue();
    browser.screenshot("branch-withdrawn-2-question-open");

    // when: fifteen days pass on the engine's clock without an answer
    try {
      client.newPinClockCommand().time(Instant.now().plus(Duration.ofDays(15))).send().join();
      journey.awaitStatus(applicant, "WITHDRAWN");
    } finally {
      client.newResetClockCommand().send().join();
    }

    // then: the status page says withdrawn and no longer offers the question
    assertThat(journey.openStatusPage(applicant)).contains("Withdrawn");
    assertThat(journey.statusHistory()).contains("Information requested", "Withdrawn");
    assertThat(journey.showsInformationRequest()).isFalse();
    browser.screenshot("branch-withdrawn-3-status-page");
    journey.logInAs("manager");
    journey.awaitPartnerNotListed(applicant.company());
    assertThat(journey.partnersOf(applicant)).isZero();
  }

  @Test
  void shouldNoticeTheTeamLeadWhenTheReviewIsOverdue() {
    // given
    String company = RecruitmentJourney.unique("Overdue");
    Applicant applicant = journey.apply(company, "Germany", "branch-overdue-1");
    long review = journey.awaitTask(applicant, "review-application");
    long applicationId = journey.applicationId(applicant);

    // when: three days and an hour pass on the engine's clock with nobody deciding
    try {
      client.newPinClockCommand().time(Instant.now().plus(Duration.ofHours(73))).send().join();
      RecruitmentJourney.await(() -> overdueNoticeTo("lead@demo.partnerflow.io", applicationId));
    } finally {
      client.newResetClockCommand().send().join();
    }

    // then: the administrator sees the notice to the team lead in the outbox, linking the task
    journey.logInAs("admin");
    browser.open(journey.url("/admin/outbox"));
    String subject = "Overdue: review of the application of " + company;
    browser.waitUntil(driver -> browser.gridContains("outbox-grid", subject));
    clickGridCell("outbox-grid", subject);
    browser.waitForText(By.id("outbox-detail-subject"), subject);
    assertThat(browser.waitFor(By.id("outbox-detail")).getText())
        .contains("Lena Lead <lead@demo.partnerflow.io>");
    assertThat(browser.waitFor(By.id("outbox-detail-body")).getAttribute("srcdoc"))
        .contains("Hello Lena Lead", company, "/tasks/" + review);
    browser.screenshot("branch-overdue-2-lead-notice");

    // and the team lead follows the notice's link to the review
    journey.logInAs("lead");
    journey.openTask(review);
    browser.screenshot("branch-overdue-3-lead-opens-review");

    // and the applicant still reads "in review", the review stays open, no partner yet
    assertThat(journey.openStatusPage(applicant)).contains("In review");
    browser.screenshot("branch-overdue-4-status-page");
    assertThat(journey.awaitTask(applicant, "review-application")).isEqualTo(review);
    journey.logInAs("manager");
    journey.awaitPartnerNotListed(company);
  }

  private Optional<String> overdueNoticeTo(String email, long applicationId) {
    return jdbc
        .sql(
            "SELECT recipient_email FROM app.notification_outbox WHERE template = 'review-overdue'"
                + " AND reference_id = :id AND recipient_email = :email")
        .param("id", String.valueOf(applicationId))
        .param("email", email)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  private String textOf(String fieldId) {
    return browser
        .waitFor(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"))
        .getAttribute("value");
  }

  private void clickGridCell(String gridId, String text) {
    WebElement cell =
        browser
            .driver()
            .findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"))
            .stream()
            .filter(candidate -> candidate.getText().contains(text))
            .findFirst()
            .orElseThrow();
    cell.click();
  }
}
