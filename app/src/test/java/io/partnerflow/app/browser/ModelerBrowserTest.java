package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.modeling.DeployedModel.Kind;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.modeling.ModelDraftService;
import io.partnerflow.app.modeling.ModelRef;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.util.UUID;
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
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The administrator in the model workspace: opens the recruitment process in the Camunda 8 modeler,
 * renames a task on the canvas, validates and deploys version n+1; a model with a problem shows it
 * listed and marked on the diagram; the history compares two versions.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class ModelerBrowserTest {

  private static final String PROCESS = "partner-recruitment";
  private static final String NEW_NAME = "Review the application";

  @Value("${local.server.port}")
  int port;

  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired ModelDeploymentService deployments;
  @Autowired ModelDraftService drafts;

  private Browser browser;
  private RecruitmentJourney journey;

  @BeforeEach
  void logIn() throws Exception {
    browser = SharedBrowser.get();
    journey = new RecruitmentJourney(browser, port, jdbc, client);
    journey.logInAs("admin");
  }

  @AfterEach
  void restoreTheRepositoryModels() {
    // the other tests run the recruitment process as the files describe it
    deployments.deploy(deployments.configuredModels());
  }

  @Test
  void shouldRenameATaskValidateAndDeployANewVersion() {
    // given
    int before = latestVersion();
    browser.open(journey.url("/admin/models"));
    browser.waitFor(By.id("model-grid"));
    browser.waitUntil(driver -> browser.gridContains("model-grid", PROCESS));
    browser.screenshot("models-1-workspace-en");

    // when: the editor opens (load time: navigation until the diagram is rendered)
    long started = System.nanoTime();
    browser.open(journey.url("/admin/models/process/" + PROCESS));
    WebElement canvas = browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    long loadMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "Modeler load time: %d ms from navigation to rendered diagram (%s ms after navigation"
            + " start in the page)%n",
        loadMillis, canvas.getAttribute("data-rendered-at"));
    browser.screenshot("models-2-editor-en");

    // when: the task is renamed in the properties panel. It is selected through the modeler's
    // selection service: at the fitted zoom a boundary event's label lies over the task
    select("review-application");
    WebElement general =
        browser.waitFor(
            By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header"));
    if (!general.getAttribute("class").contains("open")) {
      general.click();
    }
    WebElement name = browser.waitFor(By.id("bio-properties-panel-name"));
    name.sendKeys(Keys.chord(Keys.CONTROL, "a"), NEW_NAME);
    name.sendKeys(Keys.TAB);
    browser.waitUntil(
        driver ->
            NEW_NAME.equals(
                script("return " + ELEMENT + ".businessObject.name", "review-application")));

    // then: the draft saves, the model validates
    browser.click("model-save");
    browser.waitForText(By.tagName("vaadin-notification-card"), "Draft saved");
    browser.click("model-validate");
    browser.waitForText(By.tagName("body"), "passes every check");
    browser.screenshot("models-3-renamed-validated-en");

    // when: deployed with a comment
    browser.type("model-comment", "Clearer task name");
    browser.click("model-deploy");
    browser.waitForText(By.tagName("body"), "Deployed as version " + (before + 1));
    browser.screenshot("models-4-deployed-en");

    // then: the engine runs the renamed task in the new version
    ProcessDefinition latest = latestDefinition();
    assertThat(latest.getVersion()).isEqualTo(before + 1);
    assertThat(
            client
                .newProcessDefinitionGetXmlRequest(latest.getProcessDefinitionKey())
                .send()
                .join())
        .contains("name=\"" + NEW_NAME + "\"");

    // when: the history compares the new version with the one before it
    browser.click("model-history");
    browser.waitFor(By.id("model-history-grid"));
    browser.waitFor(By.cssSelector(".model-compare")).click();
    browser.waitFor(By.cssSelector("#model-diff[data-diff-done]"));
    browser.waitForText(By.id("model-diff-summary"), "review-application");
    browser.screenshot("models-5-history-diff-en");
  }

  @Test
  void shouldListAndMarkTheProblemsOfAModelInChinese() {
    // given: a draft whose service task has no job type
    ModelRef ref =
        new ModelRef(Kind.PROCESS, "browser-" + UUID.randomUUID().toString().substring(0, 8));
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    try {
      drafts.save(
          ref,
          Bpmn.convertToString(
              Bpmn.createExecutableProcess(ref.id())
                  .startEvent("start")
                  .serviceTask("charge-fee", task -> task.name("Charge fee"))
                  .endEvent("end")
                  .done()),
          "broken on purpose",
          null);
    } finally {
      SecurityContextHolder.clearContext();
    }
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "模型");

    // when
    browser.open(journey.url("/admin/models/process/" + ref.id()));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    browser.click("model-validate");

    // then: listed by element and marked on the diagram
    browser.waitFor(By.cssSelector(".model-problem[data-element='charge-fee']"));
    browser.waitFor(By.cssSelector("[data-element-id='charge-fee'].pf-problem"));
    assertThat(browser.waitFor(By.id("model-deploy")).getText()).isEqualTo("部署");
    browser.screenshot("models-6-problems-zh");

    // and the recruitment process in Chinese
    browser.open(journey.url("/admin/models/process/" + PROCESS));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    select("review-application");
    browser.waitFor(By.cssSelector(".djs-context-pad [data-action='append.gateway']"));
    browser.screenshot("models-7-editor-zh");
    Object title =
        ((JavascriptExecutor) browser.driver())
            .executeScript(
                "const e = document.querySelector('.djs-context-pad [data-action=\"append.gateway\"]');"
                    + " return e ? e.getAttribute('title') : null;");
    assertThat(String.valueOf(title)).isEqualTo("添加网关");
  }

  private static final String ELEMENT =
      "document.getElementById('model-canvas').modeler.get('elementRegistry').get(arguments[0])";

  private void select(String elementId) {
    script(
        "document.getElementById('model-canvas').modeler.get('selection').select(" + ELEMENT + ")",
        elementId);
  }

  private Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
  }

  private int latestVersion() {
    ProcessDefinition latest = latestDefinition();
    return latest == null ? 0 : latest.getVersion();
  }

  private ProcessDefinition latestDefinition() {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(filter -> filter.processDefinitionId(PROCESS).isLatestVersion(true))
        .page(page -> page.limit(1))
        .send()
        .join()
        .items()
        .stream()
        .findFirst()
        .orElse(null);
  }
}
