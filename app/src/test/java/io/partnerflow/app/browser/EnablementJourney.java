package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps the enablement journeys share: logging in, switching to Chinese, enrolling a person on
 * a starter course as the plan would, and answering a quiz rightly or wrongly (the right options
 * read from the database by question id).
 */
final class EnablementJourney {

  private final Browser browser;
  private final int port;
  private final JdbcClient jdbc;

  EnablementJourney(Browser browser, int port, JdbcClient jdbc) {
    this.browser = browser;
    this.port = port;
    this.jdbc = jdbc;
  }

  void logIn(String username, String password) {
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

  void chinese() {
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "首页");
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Ticks the right (or only wrong) options of every question shown. */
  void answer(String idPrefix, boolean right) {
    List<WebElement> groups =
        browser.driver().findElements(By.cssSelector("[id^='" + idPrefix + "']"));
    assertThat(groups).isNotEmpty();
    for (WebElement group : groups) {
      long questionId = Long.parseLong(group.getAttribute("id").substring(idPrefix.length()));
      List<String> chosen =
          jdbc.sql(
                  "SELECT text_en FROM app.quiz_option WHERE question_id = :q AND correct = :right")
              .param("q", questionId)
              .param("right", right)
              .query(String.class)
              .list();
      // a wrong answer: one wrong option is enough (and is the only choice of a single choice)
      List<String> ticked = right ? chosen : chosen.subList(0, Math.min(1, chosen.size()));
      for (WebElement option :
          group.findElements(By.cssSelector("vaadin-radio-button, vaadin-checkbox"))) {
        if (ticked.contains(option.getText().strip())) {
          WebElement input = option.findElement(By.cssSelector("input"));
          ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", input);
        }
      }
    }
  }

  /** Enrols the person on the latest published version of a course, in the given state. */
  long enrol(long userId, long partnerId, String courseCode, String status) {
    return jdbc.sql(
            "INSERT INTO app.enrolment (user_id, partner_id, course_version_id, status,"
                + " modules_done, assigned_at, started_at, completed_at)"
                + " SELECT :user, :partner, v.id, :status, 0, now(),"
                + " CASE WHEN :status = 'PASSED' THEN now() END,"
                + " CASE WHEN :status = 'PASSED' THEN now() END"
                + " FROM app.course_version v JOIN app.course c ON c.id = v.course_id"
                + " WHERE c.code = :code AND v.status = 'PUBLISHED'"
                + " ORDER BY v.version DESC LIMIT 1 RETURNING id")
        .param("user", userId)
        .param("partner", partnerId)
        .param("status", status)
        .param("code", courseCode)
        .query(Long.class)
        .single();
  }

  int modules(long enrolmentId) {
    return jdbc.sql(
            "SELECT count(*) FROM app.course_module m JOIN app.enrolment e"
                + " ON e.course_version_id = m.course_version_id WHERE e.id = :id")
        .param("id", enrolmentId)
        .query(Integer.class)
        .single();
  }

  long userId(String username) {
    return jdbc.sql("SELECT id FROM app.app_user WHERE username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }
}
