package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.enablement.catalogue.CatalogueFixtures;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.catalogue.CourseModule;
import io.partnerflow.app.enablement.catalogue.CourseVersion;
import io.partnerflow.app.enablement.catalogue.Quiz;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The enablement team writes a course in the browser: a new course, a module, a quiz refused while
 * a single-choice question has two correct options, then published, then reopened as the next
 * draft; the catalogue and the editor in both languages.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class CatalogueEditorBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient client;
  @Autowired CatalogueService catalogue;

  private Browser browser;
  private RecruitmentJourney journey;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
  }

  /** The first page of a fresh JVM can take longer than a wait on a busy machine: one retry. */
  private void logInAs(String username) {
    try {
      journey.logInAs(username);
    } catch (org.openqa.selenium.TimeoutException slowFirstPage) {
      journey.logInAs(username);
    }
  }

  @Test
  void shouldCreateACourseWithModuleAndQuizAndPublishIt() {
    // given
    String code = CatalogueFixtures.uniqueCode("browser");
    logInAs("enablement");
    browser.open("http://localhost:" + port + "/enablement/catalogue");
    browser.waitForText(By.id("catalogue-courses"), "sales-fundamentals");
    assertThat(browser.gridContains("catalogue-courses", "Partnerflow sales fundamentals"))
        .isTrue();
    browser.screenshot("catalogue-list-en");

    // when: a new course
    browser.type("new-course-code", code);
    browser.type("new-course-title-en", "Partner portal tour");
    browser.type("new-course-title-zh", "合作伙伴门户导览");
    browser.click("new-course-create");

    // then
    browser.waitForText(By.id("course-status"), "version 1, Draft");

    // when: a module and a quiz whose single-choice question has two correct options
    browser.click("course-add-module");
    browser.type("module-0-title-en", "Finding your way");
    browser.type("module-0-title-zh", "找到方向");
    browser.type("module-0-body-en", "# The home page\n- Tasks\n- **Training**");
    browser.type("module-0-body-zh", "# 首页\n- 任务\n- **培训**");
    browser.click("quiz-add-question");
    browser.type("quiz-q0-text-en", "Where are your open tasks?");
    browser.type("quiz-q0-text-zh", "您的待办任务在哪里？");
    browser.type("quiz-q0-o0-text-en", "On the home page");
    browser.type("quiz-q0-o0-text-zh", "在首页");
    browser.type("quiz-q0-o1-text-en", "In the footer");
    browser.type("quiz-q0-o1-text-zh", "在页脚");
    browser.check("quiz-q0-o1-correct");
    browser.click("course-publish-bottom");

    // then: refused on the server, the problem shown at the options, nothing lost
    browser.waitForText(By.id("problem-quiz-questions-0-options"), "exactly one correct option");
    assertThat(
            browser
                .waitFor(By.cssSelector("#quiz-q0-text-en input, #quiz-q0-text-en textarea"))
                .getAttribute("value"))
        .isEqualTo("Where are your open tasks?");
    browser.screenshot("catalogue-editor-error-en");

    // when: fixed and published
    browser.check("quiz-q0-o1-correct");
    browser.click("course-publish-bottom");

    // then
    browser.waitForText(By.id("course-status"), "version 1, Published");
    browser.click("module-0-preview");
    browser.waitForText(By.id("module-0-rendered"), "The home page");
    browser.screenshot("catalogue-editor-published-en");
    CourseVersion published =
        SystemIdentity.call(() -> catalogue.latestPublished(code)).orElseThrow();
    List<CourseModule> modules = SystemIdentity.call(() -> catalogue.modules(published.id()));
    Quiz quiz = SystemIdentity.call(() -> catalogue.quiz(published.quizId()));
    assertThat(published.titleZh()).isEqualTo("合作伙伴门户导览");
    assertThat(modules).extracting(CourseModule::titleEn).containsExactly("Finding your way");
    assertThat(quiz.questions()).hasSize(1);
    assertThat(quiz.questions().get(0).options())
        .extracting(option -> option.correct())
        .containsExactly(true, false);

    // when: editing the published course
    browser.click("course-edit");

    // then: version 2 is the draft, version 1 stays published
    browser.waitForText(By.id("course-status"), "version 2, Draft");
    assertThat(SystemIdentity.call(() -> catalogue.latestPublished(code)).orElseThrow().version())
        .isEqualTo(1);

    // when: in Chinese
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "培训目录");
    browser.open("http://localhost:" + port + "/enablement/catalogue/course/" + code);

    // then
    browser.waitForText(By.id("course-status"), "第 2 版，草稿");
    browser.screenshot("catalogue-editor-zh");
    browser.open("http://localhost:" + port + "/enablement/catalogue");
    browser.waitForText(By.id("catalogue-courses"), "Partnerflow 销售基础");
    browser.screenshot("catalogue-list-zh");
    browser.open(
        "http://localhost:"
            + port
            + "/enablement/catalogue/certification/certified-sales-professional");
    browser.waitForText(By.id("certification-editor"), "认证销售专家");
    browser.screenshot("catalogue-certification-zh");
  }
}
