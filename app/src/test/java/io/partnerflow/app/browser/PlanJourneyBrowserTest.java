package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.contract.ContractSigning;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.onboarding.OnboardingStarter;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.plan.PlanStep;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.AgreementFixtures;
import io.partnerflow.app.support.ApplicationRecords;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.BrowserLogin;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.PlanFixtures;
import io.partnerflow.app.support.SharedBrowser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue #13 items 1-3 in a real browser: the partner drafts its joint business plan in the portal,
 * the manager returns it with a comment on the targets, the partner resubmits, the manager
 * approves, both sign off, and the partner is ACTIVE, which the team lead's channel dashboard shows
 * (issue #13 item 7); then a change of the plan in Chinese. Screenshots under target/screenshots
 * (plan-en-NN-*, plan-zh-NN-*).
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class PlanJourneyBrowserTest {

  private static final String PASSWORD = "a-long-test-password-1";

  /** The partner's (and its application's) country: Bouvet Island, no other test's. */
  private static final String COUNTRY = "BV";

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired OnboardingStarter starter;
  @Autowired ContractSigning signing;
  @Autowired BusinessPlans plans;
  @Autowired Clock clock;

  private Browser browser;
  private PlanFixtures fixtures;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    deployments.deploy(deployments.configuredModels());
    fixtures = new PlanFixtures(plans, userDetails);
  }

  @Test
  void shouldTakeAPlanFromDraftThroughAReturnToApprovalAndThePartnerToActive() {
    // given: a referral partner of "manager" from an application approved yesterday, in a country
    // of its own so the channel dashboard's funnel can be read for it alone
    long applicationId = approvedApplication();
    NewPartner partner =
        PartnerTestData.newPartner(
            PartnerTestData.unique("Plan Journey"), PartnerType.REFERRAL, PartnerTier.REGISTERED);
    long partnerId =
        SystemIdentity.call(
            () ->
                partners.create(
                    new NewPartner(
                        partner.name(),
                        partner.website(),
                        COUNTRY,
                        partner.type(),
                        partner.tier(),
                        partner.ownerUsername(),
                        partner.contact(),
                        partner.fitScore(),
                        applicationId)));
    // the team lead's channel dashboard before: the partner is not active yet
    BrowserLogin.logIn(browser, port, "lead", "demo");
    long activeBefore = activeInFunnel();
    String contact = PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
    starter.start(partnerId);
    AgreementFixtures.signAsPartner(client, signing, fixtures, partnerId, contact);
    fixtures.awaitStep(partnerId, contact, PlanStep.DRAFT);

    // the partner drafts the plan and submits it
    BrowserLogin.logIn(browser, port, contact, PASSWORD);
    browser.open(url("/portal/plan"));
    browser.waitFor(By.id("plan-objectives"));
    browser.type("plan-objectives", "Ten new mid-market customers in the DACH region.");
    for (int q = 1; q <= 4; q++) {
      browser.type("plan-q" + q + "-customers", String.valueOf(q));
      browser.type("plan-q" + q + "-revenue", String.valueOf(10000 * q));
      browser.type("plan-q" + q + "-certified", "1");
    }
    browser.choose("plan-product-lines", "Platform");
    browser.screenshot("plan-en-01-draft");
    browser.click("plan-submit");
    awaitStatus("SUBMITTED");
    browser.screenshot("plan-en-02-submitted");

    // the manager returns it with a comment on the targets
    BrowserLogin.logIn(browser, port, "manager", "demo");
    openTask(partnerId, PlanStep.REVIEW);
    browser.type("plan-review-comment-TARGETS", "Q4 looks too ambitious; spread it over Q3.");
    browser.screenshot("plan-en-03-review");
    browser.click("plan-return");
    browser.waitFor(By.id("task-list-view"));

    // the partner sees the comment and resubmits
    BrowserLogin.logIn(browser, port, contact, PASSWORD);
    browser.open(url("/portal/plan"));
    browser.waitForText(By.id("plan-comment-TARGETS"), "Q4 looks too ambitious");
    browser.screenshot("plan-en-04-returned");
    browser.type("plan-q3-revenue", "35000");
    browser.type("plan-q4-revenue", "35000");
    browser.click("plan-submit");
    awaitStatus("SUBMITTED");

    // the manager approves
    BrowserLogin.logIn(browser, port, "manager", "demo");
    openTask(partnerId, PlanStep.REVIEW);
    browser.click("plan-approve");
    browser.waitFor(By.id("task-list-view"));

    // both sign off: the partner's main contact, then the manager
    BrowserLogin.logIn(browser, port, contact, PASSWORD);
    fixtures.awaitStep(partnerId, contact, PlanStep.PARTNER_SIGN_OFF);
    browser.open(url("/portal/plan"));
    browser.waitFor(By.id("plan-sign-off"));
    browser.screenshot("plan-en-05-partner-sign-off");
    browser.click("plan-sign-off");
    browser.waitUntil(driver -> driver.findElements(By.id("plan-sign-off")).isEmpty());
    BrowserLogin.logIn(browser, port, "manager", "demo");
    openTask(partnerId, PlanStep.MANAGER_SIGN_OFF);
    browser.screenshot("plan-en-06-manager-sign-off");
    browser.click("plan-sign-off-task");
    browser.waitFor(By.id("task-list-view"));

    // the partner is active, with its approved plan on the partner page
    PlanFixtures.await(() -> Optional.of(partnerStatus(partnerId)).filter("ACTIVE"::equals));
    browser.open(url("/partners/" + partnerId));
    browser.waitForText(By.id("partner-details"), "Active");
    browser.waitForText(By.id("partner-plan"), "Approved");
    browser.screenshot("plan-en-07-partner-page");

    // and the team lead's channel dashboard shows it: one more active partner in the funnel
    BrowserLogin.logIn(browser, port, "lead", "demo");
    assertThat(activeInFunnel()).isEqualTo(activeBefore + 1);
    browser.screenshot("plan-en-08-channel-dashboard");

    // in Chinese: the partner sees the approved plan and starts a change
    BrowserLogin.logIn(browser, port, contact, PASSWORD);
    BrowserLogin.chinese(browser);
    browser.open(url("/portal/plan"));
    browser.waitFor(By.id("plan-start-change"));
    browser.screenshot("plan-zh-01-approved");
    browser.click("plan-start-change");
    fixtures.awaitStep(partnerId, contact, PlanStep.DRAFT);
    browser.open(url("/portal/plan"));
    browser.waitFor(By.id("plan-submit"));
    browser.waitFor(By.id("plan-version-1"));
    browser.type("plan-q1-customers", "2");
    browser.screenshot("plan-zh-02-change-draft");
    browser.click("plan-submit");
    awaitStatus("SUBMITTED");

    // the manager reviews the change in Chinese
    BrowserLogin.logIn(browser, port, "manager", "demo");
    BrowserLogin.chinese(browser);
    openTask(partnerId, PlanStep.REVIEW);
    browser.screenshot("plan-zh-03-review");
    browser.click("plan-return");
    browser.waitFor(By.id("plan-task-error"));
    browser.screenshot("plan-zh-04-return-needs-comment");
    browser.open(url("/partners/" + partnerId));
    browser.waitFor(By.id("partner-plan"));
    browser.screenshot("plan-zh-05-partner-page");
    assertThat(fixtures.as("manager", () -> plans.versions(partnerId))).hasSize(2);
  }

  private long approvedApplication() {
    Instant submitted = clock.instant().minus(Duration.ofDays(1));
    long id = ApplicationRecords.application(jdbc, COUNTRY, submitted);
    ApplicationRecords.event(jdbc, id, "IN_REVIEW", submitted.plus(Duration.ofHours(1)));
    ApplicationRecords.event(jdbc, id, "APPROVED", submitted.plus(Duration.ofHours(2)));
    return id;
  }

  /** The funnel's last step (active) of the last 12 months in the partner's country, as a table. */
  private long activeInFunnel() {
    browser.open(url("/dashboard/channel?country=" + COUNTRY));
    browser.waitFor(By.cssSelector("#dashboard-funnel .pf-chart-canvas[data-drawn='true']"));
    browser.driver().findElement(By.cssSelector("#dashboard-funnel vaadin-details")).click();
    browser.waitForText(By.cssSelector("#dashboard-funnel table tbody tr:last-child th"), "Active");
    WebElement active =
        browser.waitFor(By.cssSelector("#dashboard-funnel table tbody tr:last-child td"));
    // the table in sight, for the screenshot
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", active);
    return Long.parseLong(active.getText().replaceAll("[^0-9]", ""));
  }

  private void openTask(long partnerId, PlanStep step) {
    long key =
        PlanFixtures.await(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        filter ->
                            filter
                                .elementId(step.elementId())
                                .state(UserTaskState.CREATED)
                                .candidateGroup("partner-managers"))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .filter(task -> partnerOf(task.getProcessInstanceKey()) == partnerId)
                    .map(task -> task.getUserTaskKey())
                    .findFirst());
    browser.open(url("/tasks/" + key));
    browser.waitFor(By.id("plan-task-panel"));
  }

  private long partnerOf(long processInstanceKey) {
    return jdbc.sql(
            "SELECT p.partner_id FROM app.business_plan_version v JOIN app.business_plan p"
                + " ON p.id = v.plan_id WHERE v.process_instance_key = :key")
        .param("key", processInstanceKey)
        .query(Long.class)
        .optional()
        .orElse(-1L);
  }

  private void awaitStatus(String status) {
    browser.waitUntil(
        driver -> {
          var shown = driver.findElements(By.id("plan-status"));
          return !shown.isEmpty() && status.equals(shown.get(0).getAttribute("data-status"));
        });
  }

  private String partnerStatus(long partnerId) {
    return jdbc.sql("SELECT status FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
