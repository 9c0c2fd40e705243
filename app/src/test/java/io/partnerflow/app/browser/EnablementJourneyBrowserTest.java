package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.modeling.ModelDeploymentService;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #12 in a real browser, on the starter catalogue: a partner user takes "Sales fundamentals"
 * and passes its quiz, sees the certification "Certified Sales Professional" open, takes its exam,
 * downloads the certificate in both languages and confirms it on the public page; the partner
 * manager sees the tier progress (the certificate completes Silver). The second required course
 * (deal registration) is recorded as passed in the database, so the journey takes one course.
 * Screenshots under target/screenshots (enablement-journey-NN-*), in English and Chinese.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class EnablementJourneyBrowserTest {

  private static final String PASSWORD = "a-long-test-password-1";
  private static final String CERTIFICATION = "certified-sales-professional";

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired JdbcClient jdbc;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired CertificationService certification;

  private Browser browser;
  private EnablementJourney journey;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    journey = new EnablementJourney(browser, port, jdbc);
    deployments.deploy(deployments.configuredModels());
    // the certifications other tests of this JVM created would crowd the portal's page
    jdbc.sql(
            "UPDATE app.certification SET active = false WHERE code NOT IN"
                + " ('certified-sales-professional', 'certified-implementation-engineer')")
        .update();
  }

  @Test
  void shouldTakeAPartnerUserFromACourseToAVerifiedCertificateAndTheManagerToTheTier()
      throws Exception {
    // given: a registered reseller with its agreement in force and its main contact
    long partnerId =
        SystemIdentity.call(
            () ->
                partners.create(
                    new NewPartner(
                        PartnerTestData.unique("Contoso Learning"),
                        null,
                        "DE",
                        PartnerType.RESELLER,
                        PartnerTier.REGISTERED,
                        "manager",
                        PartnerContact.primary("Ann Contact", "ann@contoso.example", null),
                        70,
                        null)));
    PartnerTestData.agreementInForce(jdbc, partnerId);
    String person = PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);
    jdbc.sql("UPDATE app.app_user SET display_name = 'Mei Lin' WHERE username = :u")
        .param("u", person)
        .update();
    long userId = journey.userId(person);
    long salesFundamentals = journey.enrol(userId, partnerId, "sales-fundamentals", "ASSIGNED");
    journey.enrol(userId, partnerId, "deal-registration", "PASSED");

    // the course: every module done, then its quiz passed
    journey.logIn(person, PASSWORD);
    browser.open(journey.url("/portal/learning"));
    browser.waitFor(By.id("learning-course-" + salesFundamentals));
    browser.screenshot("enablement-journey-01-courses-en");
    browser.open(journey.url("/portal/learning/" + salesFundamentals));
    browser.waitFor(By.id("course-view"));
    for (int position = 1; position <= journey.modules(salesFundamentals); position++) {
      browser.click("module-done-" + position);
      browser.waitFor(By.id("module-" + position));
    }
    browser.click("quiz-start");
    browser.waitFor(By.id("quiz-form"));
    journey.answer("question-", true);
    browser.screenshot("enablement-journey-02-course-quiz-en");
    browser.click("quiz-submit");
    browser.waitFor(By.id("quiz-result"));
    browser.screenshot("enablement-journey-03-course-passed-en");

    // the certification: both courses passed, the exam
    browser.open(journey.url("/portal/certifications"));
    browser.waitForText(By.id("courses-passed-" + CERTIFICATION), "2 of 2 courses passed");
    browser.screenshot("enablement-journey-04-certifications-en");
    browser.click("request-exam-" + CERTIFICATION);
    browser.waitFor(By.id("exam-panel"));
    browser.click("exam-start");
    browser.waitFor(By.className("exam-question"));
    journey.answer("exam-question-", true);
    browser.screenshot("enablement-journey-05-exam-en");
    browser.click("exam-submit");
    browser.waitFor(By.id("exam-result"));
    assertThat(browser.waitFor(By.id("exam-result")).getAttribute("data-passed")).isEqualTo("true");
    browser.screenshot("enablement-journey-06-exam-passed-en");

    // the certificate: issued by the process, listed with its downloads
    long certificateId = awaitCertificate(userId);
    browser.open(journey.url("/portal/certifications"));
    browser.waitFor(By.id("certified-" + CERTIFICATION));
    browser.waitFor(By.id("certificate-" + certificateId));
    browser.screenshot("enablement-journey-07-certified-en");
    journey.chinese();
    browser.open(journey.url("/portal/certifications"));
    browser.waitForText(By.id("certified-" + CERTIFICATION), "有效期至");
    browser.screenshot("enablement-journey-08-certified-zh");
    String english = download("download-en-" + certificateId, "en");
    String chinese = download("download-zh-" + certificateId, "zh");
    assertThat(english).contains("Mei Lin").contains("Certified Sales Professional");
    assertThat(chinese).contains("Mei Lin").contains("认证销售专家").contains("证书");
    String verifyLink = browser.waitFor(By.id("verify-link-" + certificateId)).getAttribute("href");

    // anybody confirms it on the public page, without logging in
    // the link names the configured public address; the test server listens on its own port
    assertThat(verifyLink).endsWith("/verify/" + verificationCode(certificateId));
    browser.clearCookies();
    browser.open(journey.url(URI.create(verifyLink).getPath()));
    browser.waitForText(By.id("verify-holder"), "Mei Lin");
    assertThat(browser.waitFor(By.id("verify-verdict")).getAttribute("data-state"))
        .isEqualTo("VALID");
    browser.screenshot("enablement-journey-09-verify-en");
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("verify-state"), "有效");
    browser.screenshot("enablement-journey-10-verify-zh");

    // the partner manager sees the tier: the certificate completed Silver's requirements
    awaitTier(partnerId, "SILVER");
    journey.logIn("manager", "demo");
    browser.open(journey.url("/partners/" + partnerId));
    browser.waitForText(By.id("tier-progress"), "Current tier: Silver");
    browser.screenshot("enablement-journey-11-manager-tier-en");
    journey.chinese();
    browser.open(journey.url("/partners/" + partnerId));
    browser.waitForText(By.id("tier-progress"), "级别进度");
    browser.screenshot("enablement-journey-12-manager-tier-zh");
  }

  /** Downloads the certificate as the logged-in person and returns the PDF's text. */
  private String download(String anchorId, String language) throws Exception {
    String href = browser.waitFor(By.id(anchorId)).getAttribute("href");
    assertThat(href).contains("language=" + language);
    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(
        target.resolve("enablement-journey-certificate-" + language + ".pdf"), response.body());
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  private String verificationCode(long certificateId) {
    return jdbc.sql("SELECT verification_code FROM app.certificate WHERE id = :id")
        .param("id", certificateId)
        .query(String.class)
        .single();
  }

  private long awaitCertificate(long userId) {
    return RecruitmentJourney.await(
        () ->
            jdbc.sql("SELECT id FROM app.certificate WHERE user_id = :u AND status = 'VALID'")
                .param("u", userId)
                .query(Long.class)
                .optional());
  }

  private void awaitTier(long partnerId, String tier) {
    RecruitmentJourney.await(
        () ->
            Optional.of(
                    jdbc.sql("SELECT tier FROM app.partner WHERE id = :id")
                        .param("id", partnerId)
                        .query(String.class)
                        .single())
                .filter(tier::equals));
  }
}
