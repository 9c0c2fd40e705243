package io.partnerflow.app.browser;

import static io.partnerflow.app.support.QuarterlyReviewFixtures.opensAt;
import static io.partnerflow.app.support.QuarterlyReviewFixtures.quarterFromNow;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.qbr.QuarterlyReviews;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.ProcessDriver;
import io.partnerflow.app.support.QuarterlyReviewFixtures;
import io.partnerflow.app.support.SharedBrowser;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A quarterly review in a real browser: the review opens (engine clock pinned to its date), the
 * partner assesses the quarter in the portal, the manager scores it and agrees an action for the
 * partner, the action appears in the partner's portal tasks, the review history shows on the
 * partner page. Screenshots qbr-en-NN-* and qbr-zh-NN-* under target/screenshots.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class QuarterlyReviewBrowserTest {

  private static final String PASSWORD = "Quarterly-review-2026!";

  @Value("${local.server.port}")
  int port;

  @Autowired ModelDeploymentService deployments;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired UserDetailsService userDetails;
  @Autowired QuarterlyReviews reviews;

  private Browser browser;
  private ProcessDriver driver;
  private QuarterlyReviewFixtures fixtures;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    deployments.deploy(deployments.configuredModels());
    driver = new ProcessDriver(client, userDetails);
    fixtures = new QuarterlyReviewFixtures(partners, users, jdbc, reviews);
  }

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldTakeAReviewFromSelfAssessmentToAnActionInThePortal() throws Exception {
    // given: a partner with an approved plan whose first quarter's review is open
    long partnerId = fixtures.partner();
    String partnerUser = fixtures.partnerUser(partnerId, PASSWORD);
    long planId = fixtures.newPlanId();
    long instance = fixtures.approve(partnerId, planId, 1, quarterFromNow(1), quarterFromNow(2));
    driver.pinClock(opensAt(fixtures.awaitReviews(planId, 2).get(0)).plus(Duration.ofHours(1)));
    UserTask selfAssessment = driver.awaitTask(instance, "qbr-self-assessment");

    // the partner assesses the quarter in the portal (English, then Chinese)
    logIn(partnerUser, PASSWORD);
    browser.open(url("/portal/tasks/" + selfAssessment.getUserTaskKey()));
    browser.waitFor(By.id("qbr-self-assessment-panel"));
    browser.type("qbr-new-customers", "2");
    browser.type("qbr-revenue", "41000");
    browser.type("qbr-actuals-note", "Our CRM export");
    browser.type("qbr-self-assessment-text", "Two new logos; the third deal slipped to January.");
    browser.screenshot("qbr-en-01-self-assessment");
    browser.select("language-switch", "中文");
    browser.waitForText(By.id("qbr-self-assessment-panel"), "自我评估");
    browser.type("qbr-self-assessment-text", "两个新客户；第三笔交易推迟到一月。");
    browser.screenshot("qbr-zh-01-self-assessment");
    browser.click("qbr-self-assessment-submit");
    browser.waitFor(By.id("portal-task-list-view"));
    browser.select("language-switch", "English");

    // the manager scores it and agrees an action owned by the partner's user
    UserTask scorecard = driver.awaitTask(instance, "qbr-scorecard-task");
    logIn("manager", "demo");
    browser.open(url("/tasks/" + scorecard.getUserTaskKey()));
    browser.waitFor(By.id("qbr-scorecard-panel"));
    browser.waitForText(By.id("qbr-scorecard-self-assessment"), "第三笔交易");
    browser.select("language-switch", "中文");
    browser.waitForText(By.id("qbr-scorecard-panel"), "加权得分");
    browser.screenshot("qbr-zh-02-scorecard");
    browser.select("language-switch", "English");
    browser.waitForText(By.id("qbr-scorecard-panel"), "Weighted score");
    browser.select("qbr-rating-new-customers", "4");
    browser.select("qbr-rating-revenue", "3");
    browser.select("qbr-rating-certified-people", "5");
    browser.select("qbr-rating-engagement", "2");
    browser.waitForText(By.id("qbr-total"), "70.00");
    browser.type("qbr-notes", "Strong pipeline, little marketing.");
    browser.type("qbr-action-description", "Run a joint webinar");
    browser.select("qbr-action-owner", "Test Partner User (Partner)");
    setDate("qbr-action-due", LocalDate.now(ZoneOffset.UTC).plusDays(30));
    browser.click("qbr-action-add");
    browser.waitUntil(d -> browser.gridContains("qbr-action-grid", "Run a joint webinar"));
    browser.screenshot("qbr-en-02-scorecard");
    browser.click("qbr-scorecard-submit");
    browser.waitFor(By.id("task-list-view"));

    // the action is a task in the partner's portal
    List<UserTask> actions = driver.awaitTasks(instance, "qbr-agreed-action", 1);
    assertThat(actions)
        .singleElement()
        .satisfies(t -> assertThat(t.getAssignee()).isEqualTo(partnerUser));
    logIn(partnerUser, PASSWORD);
    browser.open(url("/portal/tasks/" + actions.get(0).getUserTaskKey()));
    browser.waitForText(By.id("qbr-action-text"), "Run a joint webinar");
    browser.screenshot("qbr-en-03-action-task");
    browser.select("language-switch", "中文");
    browser.waitForText(By.id("qbr-action-panel"), "商定");
    browser.screenshot("qbr-zh-03-action-task");

    // the partner's own page shows the review without the score; the manager's with it
    browser.open(url("/my-organisation"));
    browser.waitFor(By.id("qbr-history"));
    assertThat(browser.driver().findElements(By.className("qbr-review-total"))).isEmpty();
    browser.screenshot("qbr-zh-04-partner-history");
    browser.select("language-switch", "English");
    browser.waitFor(By.id("qbr-history"));
    browser.screenshot("qbr-en-04-partner-history");
    logIn("manager", "demo");
    browser.open(url("/partners/" + partnerId));
    browser.waitForText(By.id("qbr-history"), "70.00");
    browser.screenshot("qbr-en-05-manager-history");
    browser.select("language-switch", "中文");
    browser.waitForText(By.id("qbr-history"), "加权得分");
    browser.screenshot("qbr-zh-05-manager-history");
    browser.select("language-switch", "English");
  }

  private void logIn(String username, String password) {
    browser.clearCookies();
    browser.open(url("/login"));
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
    WebElement field = browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    field.sendKeys(password);
    field.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("main-navigation"));
  }

  /** Sets a date picker's value as the picker itself does (ISO), whatever the locale's format. */
  private void setDate(String id, LocalDate date) {
    WebElement picker = browser.waitFor(By.id(id));
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));",
            picker,
            date.toString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
