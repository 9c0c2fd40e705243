package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.enablement.certification.CertificationService;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tier progress with its bars: the partner manager on the partner page, the partner's own user
 * on the portal home, each in English and Chinese.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class TierProgressBrowserTest {

  private static final String PASSWORD = "a-long-test-password-1";

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcClient jdbc;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired CertificationService certifications;

  private Browser browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = SharedBrowser.get();
  }

  @Test
  void shouldShowPerTierWhatIsMetAndWhatIsMissing() {
    // given: a silver partner with two certified sales professionals and no engineer
    long partnerId =
        SystemIdentity.call(
            () ->
                partners.create(
                    new NewPartner(
                        PartnerTestData.unique("Northwind Systems"),
                        null,
                        "DE",
                        PartnerType.RESELLER,
                        PartnerTier.SILVER,
                        "manager",
                        PartnerContact.primary("Ann Contact", "ann@northwind.example", null),
                        70,
                        null)));
    PartnerTestData.agreementInForce(jdbc, partnerId);
    long sales = certification("certified-sales-professional");
    for (int i = 0; i < 2; i++) {
      long userId = userId(PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD));
      SystemIdentity.call(() -> certifications.issue(sales, userId));
    }
    String contact = PartnerTestData.partnerUser(users, jdbc, partnerId, PASSWORD);

    // when: the partner manager opens the partner page
    logIn("manager", "demo");
    browser.open(url("/partners/" + partnerId));

    // then
    WebElement progress = browser.waitFor(By.id("tier-progress"));
    assertThat(progress.getText())
        .contains("Current tier: Silver")
        .contains("2 of 2 certified sales professionals")
        .contains("0 of 1 certified implementation engineers")
        .contains("2 of 3 certified sales professionals");
    assertThat(browser.driver().findElements(By.cssSelector("#tier-progress vaadin-progress-bar")))
        .hasSize(8);
    browser.screenshot("tier-progress-partner-page-en");
    chinese();
    browser.open(url("/partners/" + partnerId));
    browser.waitForText(By.id("tier-progress"), "级别进度");
    assertThat(browser.waitFor(By.id("tier-progress")).getText()).contains("当前级别");
    browser.screenshot("tier-progress-partner-page-zh");

    // when: the partner's own user opens the portal home
    logIn(contact, PASSWORD);
    browser.open(url("/portal"));

    // then
    browser.waitForText(By.id("tier-progress"), "2 of 3 certified sales professionals");
    browser.screenshot("tier-progress-portal-en");
    chinese();
    browser.open(url("/portal"));
    browser.waitForText(By.id("tier-progress"), "级别进度");
    browser.screenshot("tier-progress-portal-zh");
  }

  private void logIn(String username, String password) {
    browser.clearCookies();
    By name = By.cssSelector("vaadin-login-form input[name='username']");
    // the first page of a test JVM may take longer than one wait on a busy machine (dev bundle)
    for (int attempt = 1; ; attempt++) {
      browser.open(url("/login"));
      try {
        browser.waitFor(name);
        break;
      } catch (org.openqa.selenium.TimeoutException slow) {
        if (attempt == 3) {
          throw slow;
        }
      }
    }
    browser.waitFor(name).sendKeys(username);
    WebElement field = browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    field.sendKeys(password);
    field.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("language-switch"));
  }

  private void chinese() {
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "首页");
  }

  private long certification(String code) {
    jdbc.sql(
            "INSERT INTO app.quiz (kind, pass_mark_percent, max_attempts, attempt_wait_minutes,"
                + " questions_per_attempt, show_answers) SELECT 'EXAM', 70, 3, 0, NULL, false"
                + " WHERE NOT EXISTS (SELECT 1 FROM app.certification WHERE code = :code)")
        .param("code", code)
        .update();
    jdbc.sql(
            "INSERT INTO app.certification (code, name_en, name_zh, summary_en, summary_zh,"
                + " validity_months, exam_quiz_id, active) SELECT :code, :code, :code, '', '', 24,"
                + " max(id), true FROM app.quiz ON CONFLICT (code) DO NOTHING")
        .param("code", code)
        .update();
    return jdbc.sql("SELECT id FROM app.certification WHERE code = :code")
        .param("code", code)
        .query(Long.class)
        .single();
  }

  private long userId(String username) {
    return jdbc.sql("SELECT id FROM app.app_user WHERE username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
