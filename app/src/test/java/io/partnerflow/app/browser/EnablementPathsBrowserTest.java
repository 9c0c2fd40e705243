package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.enablement.catalogue.CatalogueEditing;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.Certification;
import io.partnerflow.app.enablement.catalogue.CertificationDraft;
import io.partnerflow.app.enablement.catalogue.QuizDraft;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The enablement paths besides the happy one, in a real browser (screenshots
 * journey-enablement-en-NN-*): a course quiz failed until its attempts are used up, with the wait
 * between attempts; the public check of an unknown verification code; the catalogue's certification
 * editor, whose save keeps counting the attempts people made at the exam.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class EnablementPathsBrowserTest {

  private static final String PASSWORD = "a-long-test-password-1";
  private static final String SALES_PROFESSIONAL = "certified-sales-professional";

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcClient jdbc;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired CatalogueEditing catalogueEditing;
  @Autowired CatalogueService catalogue;
  @Autowired CamundaClient client;

  private Browser browser;
  private EnablementJourney journey;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    journey = new EnablementJourney(browser, port, jdbc);
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
    client.newResetClockCommand().send().join();
    // the unknown code looked up here must not count towards pausing later tests' lookups
    jdbc.sql("DELETE FROM app.login_throttle WHERE subject_kind = 'LOOKUP'").update();
  }

  @Test
  void shouldTellTheWaitAfterAFailedQuizAndThenThatTheAttemptsAreUsedUp() {
    // given: a partner user on "Sales fundamentals" (3 attempts, 30 minutes apart)
    long partnerId = partner("Fabrikam Learning");
    String person = PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
    long userId = journey.userId(person);
    long enrolment = journey.enrol(userId, partnerId, "sales-fundamentals", "ASSIGNED");
    journey.logIn(person, PASSWORD);
    openCourse(enrolment);
    for (int position = 1; position <= journey.modules(enrolment); position++) {
      browser.click("module-done-" + position);
      browser.waitFor(By.id("module-" + position));
    }

    // when: the first attempt fails
    failAnAttempt();

    // then: the result, and on the course page the time of the next attempt
    browser.screenshot("journey-enablement-en-01-quiz-failed");
    openCourse(enrolment);
    browser.waitForText(By.id("quiz-wait"), "The next attempt is allowed from");
    scrollTo("quiz-wait");
    browser.screenshot("journey-enablement-en-02-quiz-wait");

    // when: after each wait, the two attempts left fail as well
    for (int attempt = 2; attempt <= 3; attempt++) {
      pastTheWait(userId);
      openCourse(enrolment);
      failAnAttempt();
    }

    // then: the course is failed and the page says the attempts are used up, with no start
    openCourse(enrolment);
    browser.waitForText(By.id("quiz-area"), "All attempts at this quiz have been used.");
    browser.waitForText(By.id("quiz-attempts"), "Attempts used: 3 of 3");
    assertThat(browser.driver().findElements(By.id("quiz-start"))).isEmpty();
    assertThat(browser.waitFor(By.id("quiz-area")).getText().split("All attempts", -1))
        .as("said once")
        .hasSize(2);
    scrollTo("quiz-attempts");
    browser.screenshot("journey-enablement-en-03-out-of-attempts");
    assertThat(
            jdbc.sql("SELECT status FROM app.enrolment WHERE id = :id")
                .param("id", enrolment)
                .query(String.class)
                .single())
        .isEqualTo("FAILED");
  }

  @Test
  void shouldAnswerAnUnknownVerificationCodeWithTheUnknownPage() {
    // when: anybody, not logged in, checks a code no certificate has
    browser.clearCookies();
    browser.open(journey.url("/verify/ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2"));

    // then: the verification page says "unknown" and shows no certificate
    browser.waitForText(By.id("verify-unknown"), "no certificate has this verification code");
    assertThat(browser.driver().findElements(By.id("verify-facts"))).isEmpty();
    browser.screenshot("journey-enablement-en-04-verify-unknown");
  }

  @Test
  void shouldEditACertificationInTheCatalogueAndKeepTheAttemptsAtItsExam() {
    // given: a certification of the catalogue whose exam a person failed once
    String code = "trainer-" + UUID.randomUUID().toString().substring(0, 8);
    PartnerTestData.actAs("enablement", "ROLE_ENABLEMENT");
    Certification seeded = catalogue.certification("certified-sales-professional").orElseThrow();
    Certification created =
        catalogueEditing.saveCertification(
            new CertificationDraft(
                code,
                "Certified Partner Trainer",
                "认证合作伙伴培训师",
                "Trains the partner's own people",
                "培训合作伙伴自己的员工",
                24,
                false, // not offered: other journeys' portal pages stay as they are
                List.of("sales-fundamentals"),
                QuizDraft.of(catalogue.quiz(seeded.examQuizId()))));
    SecurityContextHolder.clearContext();
    long partnerId = partner("Northwind Training");
    long userId = journey.userId(PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD));
    jdbc.sql(
            "INSERT INTO app.quiz_attempt (quiz_id, user_id, question_ids, started_at,"
                + " submitted_at, score_percent, passed) VALUES (:quiz, :user, '{}', now(),"
                + " now(), 20, false)")
        .param("quiz", created.examQuizId())
        .param("user", userId)
        .update();

    // when: enablement renames it in the editor and saves
    journey.logIn("enablement", "demo");
    browser.open(journey.url("/enablement/catalogue/certification/" + code));
    browser.waitFor(By.id("certification-name-en"));
    browser.screenshot("journey-enablement-en-05-certification-editor");
    browser.type("certification-name-en", "Certified Partner Trainer (2027)");
    browser.click("certification-save");
    browser.waitForText(By.tagName("vaadin-notification-card"), "Certification saved.");
    browser.screenshot("journey-enablement-en-06-certification-saved");

    // then: the new name; the exam is a new quiz continuing the old one, so the attempt counts
    Certification saved = SystemIdentity.call(() -> catalogue.certification(code)).orElseThrow();
    assertThat(saved.nameEn()).isEqualTo("Certified Partner Trainer (2027)");
    assertThat(
            jdbc.sql("SELECT previous_quiz_id FROM app.quiz WHERE id = :id")
                .param("id", saved.examQuizId())
                .query(Long.class)
                .single())
        .isEqualTo(created.examQuizId());
  }

  /** The message in the middle of the window, where a person scrolls to read it. */
  private void scrollTo(String id) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'});", browser.waitFor(By.id(id)));
  }

  @Test
  void shouldRenewACertificateNearItsExpiryThroughTheRecertificationExam() {
    // given: a person certified as sales professional through the exam in the portal
    long partnerId = partner("Litware Renewals");
    String person = PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
    long userId = journey.userId(person);
    journey.enrol(userId, partnerId, "sales-fundamentals", "PASSED");
    journey.enrol(userId, partnerId, "deal-registration", "PASSED");
    journey.logIn(person, PASSWORD);
    browser.open(journey.url("/portal/certifications"));
    browser.click("request-exam-" + SALES_PROFESSIONAL);
    passTheExam();
    long first = awaitCertificate(userId, "VALID");

    // when: the engine's time reaches 59 days before the expiry
    java.time.Instant expiry =
        jdbc.sql("SELECT expires_at FROM app.certificate WHERE id = :id")
            .param("id", first)
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
    client.newPinClockCommand().time(expiry.minus(java.time.Duration.ofDays(59))).send().join();

    // then: the portal offers the recertification exam beside the certificate held
    RecruitmentJourney.await(
        () -> {
          browser.open(journey.url("/portal/certifications"));
          browser.waitFor(By.id("certified-" + SALES_PROFESSIONAL));
          return browser.driver().findElements(By.id("take-exam-" + SALES_PROFESSIONAL)).stream()
              .findFirst();
        });
    browser.screenshot("journey-enablement-en-07-recertification-due");

    // when: the person passes it
    browser.click("take-exam-" + SALES_PROFESSIONAL);
    passTheExam();

    // then: a renewed certificate, the old one replaced
    RecruitmentJourney.await(
        () ->
            jdbc.sql(
                    "SELECT id FROM app.certificate WHERE user_id = :u AND status = 'VALID'"
                        + " AND id <> :first")
                .param("u", userId)
                .param("first", first)
                .query(Long.class)
                .optional());
    browser.open(journey.url("/portal/certifications"));
    browser.waitFor(By.id("certified-" + SALES_PROFESSIONAL));
    browser.screenshot("journey-enablement-en-08-renewed");
    assertThat(
            jdbc.sql("SELECT status FROM app.certificate WHERE id = :id")
                .param("id", first)
                .query(String.class)
                .single())
        .isEqualTo("RENEWED");
  }

  private void passTheExam() {
    browser.waitFor(By.id("exam-panel"));
    browser.click("exam-start");
    browser.waitFor(By.className("exam-question"));
    journey.answer("exam-question-", true);
    browser.click("exam-submit");
    assertThat(browser.waitFor(By.id("exam-result")).getAttribute("data-passed")).isEqualTo("true");
  }

  private long awaitCertificate(long userId, String status) {
    return RecruitmentJourney.await(
        () ->
            jdbc.sql("SELECT id FROM app.certificate WHERE user_id = :u AND status = :s")
                .param("u", userId)
                .param("s", status)
                .query(Long.class)
                .optional());
  }

  private void openCourse(long enrolment) {
    browser.open(journey.url("/portal/learning/" + enrolment));
    browser.waitFor(By.id("course-view"));
  }

  private void failAnAttempt() {
    browser.click("quiz-start");
    browser.waitFor(By.id("quiz-form"));
    journey.answer("question-", false);
    browser.click("quiz-submit");
    browser.waitFor(By.id("quiz-result"));
  }

  /** The wait between attempts passed: the person's attempts moved an hour back. */
  private void pastTheWait(long userId) {
    jdbc.sql(
            "UPDATE app.quiz_attempt SET started_at = started_at - interval '1 hour',"
                + " submitted_at = submitted_at - interval '1 hour' WHERE user_id = :user")
        .param("user", userId)
        .update();
  }

  private long partner(String name) {
    long id =
        SystemIdentity.call(
            () ->
                partners.create(
                    new NewPartner(
                        PartnerTestData.unique(name),
                        null,
                        "DE",
                        PartnerType.RESELLER,
                        PartnerTier.REGISTERED,
                        "manager",
                        PartnerContact.primary("Ann Contact", "ann@fabrikam.example", null),
                        70,
                        null)));
    PartnerTestData.agreementInForce(jdbc, id);
    return id;
  }
}
