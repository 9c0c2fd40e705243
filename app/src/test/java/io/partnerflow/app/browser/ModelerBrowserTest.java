package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
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
 * listed and marked on the diagram, also when only the embedded engine's element check refuses it;
 * the history compares two versions.
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
    browser.type("model-filter", PROCESS);
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

  @Test
  void shouldMarkAnElementOnlyTheEnginesElementCheckRefusesInBothLanguages() {
    // given: a draft valid for Zeebe's validators whose call activity is bound to its deployment,
    // which the embedded engine refuses to deploy
    ModelRef ref =
        new ModelRef(Kind.PROCESS, "engine-" + UUID.randomUUID().toString().substring(0, 8));
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(ref.id())
            .startEvent("start")
            .callActivity("call-child", call -> call.name("Run the check").zeebeProcessId("child"))
            .endEvent("end")
            .done();
    model
        .<CallActivity>getModelElementById("call-child")
        .getSingleExtensionElement(ZeebeCalledElement.class)
        .setBindingType(ZeebeBindingType.deployment);
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    try {
      drafts.save(ref, Bpmn.convertToString(model), "bound to its deployment", null);
    } finally {
      SecurityContextHolder.clearContext();
    }

    // when: validated in English
    browser.open(journey.url("/admin/models/process/" + ref.id()));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    browser.click("model-validate");

    // then: listed with the engine's reason and marked on the diagram
    browser.waitForText(
        By.cssSelector(".model-problem[data-element='call-child']"), "bindingType 'deployment'");
    browser.waitFor(By.cssSelector("[data-element-id='call-child'].pf-problem"));
    browser.screenshot("models-11-engine-problem-en");

    // when: the same in Chinese
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    browser.waitForText(By.id("main-navigation"), "模型");
    browser.open(journey.url("/admin/models/process/" + ref.id()));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    browser.click("model-validate");

    // then
    browser.waitFor(By.cssSelector(".model-problem[data-element='call-child']"));
    browser.waitFor(By.cssSelector("[data-element-id='call-child'].pf-problem"));
    browser.screenshot("models-11-engine-problem-zh");
  }

  @Test
  void shouldTellAnOperatorWhoSavedMeanwhileAndOfferTheirCopy() {
    // given: the administrator opens a model; another operator saves a draft of it meanwhile
    ModelRef ref =
        new ModelRef(Kind.PROCESS, "conflict-" + UUID.randomUUID().toString().substring(0, 8));
    String xml =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(ref.id())
                .startEvent("start")
                .userTask("task", task -> task.name("Check").zeebeUserTask())
                .endEvent("end")
                .done());
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    try {
      drafts.save(ref, xml, "first", null);
    } finally {
      SecurityContextHolder.clearContext();
    }
    browser.open(journey.url("/admin/models/process/" + ref.id()));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    PartnerTestData.actAs("other-admin", "ROLE_ADMIN");
    try {
      drafts.save(ref, xml, "theirs", 1);
    } finally {
      SecurityContextHolder.clearContext();
    }

    // when
    browser.click("model-save");

    // then: nothing is overwritten, the operator learns who, and can download their copy
    browser.waitForText(By.id("model-conflict-message"), "other-admin");
    assertThat(browser.waitFor(By.id("model-conflict-download")).isDisplayed()).isTrue();
    browser.screenshot("models-10-conflict-en");
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    try {
      assertThat(drafts.find(ref))
          .get()
          .extracting(draft -> draft.author())
          .isEqualTo("other-admin");
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void shouldOpenTheDecisionAndTheFormInTheirEditors() {
    // when / then: camunda-dmn-js shows the decision, form-js's editor the form
    browser.open(journey.url("/admin/models/decision/partner-fit"));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    browser.waitFor(
        By.cssSelector("#model-canvas .dmn-drd-container, #model-canvas .tjs-container"));
    browser.screenshot("models-8-decision-en");

    browser.open(journey.url("/admin/models/form/partner-application"));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    browser.waitFor(By.cssSelector("#model-canvas .fjs-editor-container"));
    browser.screenshot("models-9-form-en");
    browser.click("model-validate");
    browser.waitForText(By.tagName("body"), "passes every check");
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
