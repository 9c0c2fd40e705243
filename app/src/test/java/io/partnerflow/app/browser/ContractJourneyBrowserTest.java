package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.browser.RecruitmentJourney.Applicant;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.PlanFixtures;
import io.partnerflow.app.support.SharedBrowser;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * From the application to the countersigned agreement in a real browser: a gold reseller applies,
 * the manager approves, the contact sets a password through the invitation link, finds the portal
 * closed except for the agreement, signs it on the signing screen, legal countersigns, and the
 * manager sees the partner active. Screenshots of every step under target/screenshots
 * (contract-journey-*), the portal pages in both languages.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class ContractJourneyBrowserTest {

  private static final String PASSWORD = "a partner's own password";

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired InvitationService invitations;
  @Autowired BusinessPlans plans;
  @Autowired UserDetailsService userDetails;

  private Browser browser;
  private RecruitmentJourney journey;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
    deployments.deploy(deployments.configuredModels());
  }

  @Test
  void shouldTakeAnApprovedPartnerThroughSigningToAnActivePartner() {
    // a reseller applies; the manager approves it as gold (the table asks legal to countersign)
    String company = RecruitmentJourney.unique("Contract Journey");
    Applicant applicant = journey.apply(company, "Germany", "contract-journey-01");
    long review = journey.awaitTask(applicant, "review-application");
    journey.logInAs("manager");
    journey.openTask(review);
    browser.click("claim");
    browser.waitFor(By.id("unclaim"));
    browser.choose("form-field-decision", "Approve");
    browser.select("form-field-tier", "Gold");
    browser.screenshot("contract-journey-02-approve");
    journey.complete();

    // the contact sets a password through the link of the invitation e-mail
    long userId = awaitPortalUser(applicant.email());
    String link = journey.url("/invitation/" + invitations.issueLink(userId).token());
    browser.clearCookies();
    browser.open(link);
    browser.type("new-password", PASSWORD);
    browser.type("repeat-password", PASSWORD);
    browser.screenshot("contract-journey-03-set-password");
    browser.click("save-password");
    // the password is set: the page moves on to the login
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));

    // logs in: the portal shows only the agreement to sign (once onboarding has rendered it)
    long signTask = awaitLong(() -> openTaskKey("sign-contract", applicant));
    logInAsPartner(applicant.email());
    browser.open(journey.url("/portal"));
    WebElement signLink = browser.waitFor(By.id("contract-task-" + signTask));
    browser.screenshot("contract-journey-04-portal-home-en");
    browser.open(journey.url("/my-organisation"));
    browser.waitFor(By.id("portal-home-view"));
    switchLanguage("中文");
    browser.waitForText(By.id("portal-home-view"), "合作伙伴协议");
    browser.screenshot("contract-journey-05-portal-home-zh");
    signLink = browser.waitFor(By.className("contract-task"));

    // reads the agreement on the signing screen (Chinese, then English) and signs it
    signLink.click();
    browser.waitFor(By.id("signing-panel"));
    browser.waitFor(By.className("contract-page"));
    browser.screenshot("contract-journey-06-signing-zh");
    switchLanguage("English");
    browser.waitFor(By.id("signing-panel"));
    browser.waitFor(By.className("contract-page"));
    assertThat(browser.waitFor(By.id("sign-contract")).getAttribute("disabled")).isNotNull();
    browser.type("signer-name", "Ada Applicant");
    browser.check("signer-consent");
    browser.waitUntil(
        driver -> driver.findElement(By.id("sign-contract")).getAttribute("disabled") == null);
    browser.screenshot("contract-journey-07-signing-en");
    browser.click("sign-contract");
    browser.waitFor(By.id("portal-home-view"));
    assertThat(client.newUserTaskGetRequest(signTask).send().join().getState())
        .isEqualTo(UserTaskState.COMPLETED);
    browser.screenshot("contract-journey-08-signed-waiting-en");

    // legal reads the partner's evidence and countersigns
    long countersign = awaitLong(() -> openTaskKey("countersign-contract", applicant));
    journey.logInAs("legal");
    browser.open(journey.url("/tasks/" + countersign));
    browser.waitFor(By.id("countersign-panel"));
    browser.waitFor(By.className("contract-page"));
    browser.waitUntil(driver -> browser.gridContains("contract-evidence", applicant.email()));
    browser.type("signer-name", "Lee Legal");
    browser.check("signer-consent");
    browser.screenshot("contract-journey-09-countersign");
    browser.click("sign-contract");
    browser.waitFor(By.id("task-list-view"));

    // the manager sees the partner active
    long partnerId = partnerOf(applicant);
    // the joint business plan agreed (its own journey: PlanJourneyBrowserTest)
    new PlanFixtures(plans, userDetails)
        .approve(
            partnerId,
            jdbc.sql("SELECT username FROM app.app_user WHERE partner_id = :id ORDER BY id LIMIT 1")
                .param("id", partnerId)
                .query(String.class)
                .single(),
            jdbc.sql("SELECT owner_username FROM app.partner WHERE id = :id")
                .param("id", partnerId)
                .query(String.class)
                .single());
    awaitLong(
        () -> Optional.of("ACTIVE").filter(active -> active.equals(partnerStatus(partnerId))));
    journey.logInAs("manager");
    browser.open(journey.url("/partners/" + partnerId));
    browser.waitForText(By.id("partner-details"), "Active");
    browser.screenshot("contract-journey-10-partner-active");

    // and the partner's portal is open now
    logInAsPartner(applicant.email());
    browser.open(journey.url("/my-organisation"));
    browser.waitFor(By.id("partner-view"));
    browser.open(journey.url("/portal"));
    browser.waitFor(By.id("portal-home-view"));
    browser.screenshot("contract-journey-11-portal-open-en");
  }

  private void logInAsPartner(String email) {
    browser.clearCookies();
    browser.open(journey.url("/login"));
    browser
        .waitFor(By.cssSelector("vaadin-login-form input[name='username']"))
        .sendKeys(email.toLowerCase(Locale.ROOT));
    WebElement password =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    password.sendKeys(PASSWORD);
    password.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("main-navigation"));
  }

  private void switchLanguage(String label) {
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '" + label + "')]")).click();
  }

  private long awaitPortalUser(String email) {
    return RecruitmentJourney.await(
        () ->
            jdbc.sql("SELECT id FROM app.app_user WHERE username = :username")
                .param("username", email.toLowerCase(Locale.ROOT))
                .query(Long.class)
                .optional());
  }

  private long partnerOf(Applicant applicant) {
    return awaitLong(() -> partnerIdOf(applicant));
  }

  private Optional<Long> partnerIdOf(Applicant applicant) {
    return jdbc.sql(
            "SELECT p.id FROM app.partner p JOIN app.application a ON a.id = p.application_id"
                + " WHERE a.contact_email = :email")
        .param("email", applicant.email())
        .query(Long.class)
        .optional();
  }

  private String partnerStatus(long partnerId) {
    return jdbc.sql("SELECT status FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  /** Background work on a busy machine: rendering, the workers, the engine; up to two minutes. */
  private static <T> T awaitLong(java.util.function.Supplier<Optional<T>> probe) {
    java.time.Instant giveUp = java.time.Instant.now().plusSeconds(120);
    while (java.time.Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted", e);
      }
    }
    throw new AssertionError("Not reached within 120 s");
  }

  /** The partner's open task of that element in its contract-signing instance. */
  private Optional<Long> openTaskKey(String elementId, Applicant applicant) {
    Optional<Long> partnerId = partnerIdOf(applicant);
    if (partnerId.isEmpty()) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT process_instance_key FROM app.contract WHERE partner_id = :id"
                + " ORDER BY id DESC LIMIT 1")
        .param("id", partnerId.get())
        .query(Long.class)
        .optional()
        .flatMap(
            instance ->
                client
                    .newUserTaskSearchRequest()
                    .filter(
                        filter ->
                            filter
                                .processInstanceKey(instance)
                                .elementId(elementId)
                                .state(UserTaskState.CREATED))
                    .send()
                    .join()
                    .items()
                    .stream()
                    .map(task -> task.getUserTaskKey())
                    .findFirst());
  }
}
