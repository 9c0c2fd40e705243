package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.browser.RecruitmentJourney.Applicant;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.monitoring.MonitoringFixtures;
import io.partnerflow.app.recruitment.application.ApplicationReceipt;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's whole round in the operations console, in English and in Chinese: an applicant's
 * recruitment instance waits for its review; the administrator renames the review task in the
 * modeler, validates, deploys the next version, compares it with the one before, finds the
 * instance, migrates it to the new version (dry run first), repairs the incident its notice job
 * runs into, and watches it complete; the audit trail names each of those actions.
 *
 * <p>The incident is a real worker failure: the test points the instance's {@code applicationId} at
 * an application that does not exist (a stand-in for bad data), so the app's own {@code
 * recruitment-notice} worker fails each of its three tries until the engine raises the incident.
 * The operator puts the right id back on the instance page and retries; the same worker then
 * completes the job.
 *
 * <p>Isolation: the new version differs from the repository's model in the task's name only, so the
 * recruitment process behaves the same for other tests meanwhile; afterwards the repository's model
 * is deployed again as the latest version.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class OperationsConsoleJourneyBrowserTest {

  private static final String PROCESS = "partner-recruitment";
  private static final String TASK = "review-application";
  private static final String NOTICE = "notify-rejected";

  @Value("${local.server.port}")
  int port;

  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired ModelDeploymentService deployments;
  @Autowired TranslationProvider translations;
  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;

  private Browser browser;
  private RecruitmentJourney journey;
  private MonitoringFixtures fixtures;
  private Locale locale;
  private String prefix;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    browser.driver().manage().window().setSize(new Dimension(1400, 900));
    // the first page of a test JVM loads the front-end bundle: slow on a busy machine
    browser.open("http://localhost:" + port + "/login");
    new WebDriverWait(browser.driver(), Duration.ofMinutes(2))
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-login-form input[name='username']")));
    journey = new RecruitmentJourney(browser, port, jdbc, client);
    fixtures = new MonitoringFixtures(client);
    // other tests deploy their own partner-recruitment; the repository's is the starting point
    deployments.deploy(deployments.configuredModels());
  }

  @AfterEach
  void restore() {
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    // the other tests run the recruitment process with the names the repository's file gives
    deployments.deploy(deployments.configuredModels());
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"en", "zh"})
  void shouldChangeRollOutAndRepairTheRecruitmentProcessFromTheConsole(String language) {
    locale = "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    prefix = "console-journey-" + language + "-";
    // a name of its own per walk: the one walk's version must differ from the other's
    String newName =
        "zh".equals(language) ? "Assess the application carefully" : "Assess the application";
    Instant started = Instant.now();

    // given: an application waiting for its review in the repository's version of the process
    Applicant applicant = applyInTheBackground();
    long reviewTask = journey.awaitTask(applicant, TASK);
    long applicationId = journey.applicationId(applicant);
    long instance = instanceOf(applicant);
    ProcessDefinition before = latestDefinition();
    assertThat(definitionKeyOf(instance)).isEqualTo(before.getProcessDefinitionKey());

    journey.logInAs("admin");
    if (locale != Locale.ENGLISH) {
      switchToChinese();
    }

    // the workspace lists the process
    browser.open(journey.url("/admin/models"));
    browser.waitFor(By.id("model-grid"));
    browser.type("model-filter", PROCESS);
    browser.waitUntil(driver -> browser.gridContains("model-grid", PROCESS));
    screenshot("01-workspace");

    // the operator renames the review task in the modeler
    browser.open(journey.url("/admin/models/process/" + PROCESS));
    browser.waitFor(By.cssSelector("#model-canvas[data-rendered-at]"));
    assertThat((List<?>) script(UNDER_THE_PALETTE)).isEmpty();
    screenshot("02-editor");
    rename(TASK, newName);

    // validates
    browser.click("model-validate");
    browser.waitForText(By.tagName("body"), t("models.valid"));
    assertThat(browser.driver().findElements(By.cssSelector(".model-problem"))).isEmpty();
    screenshot("03-validated");

    // deploys the next version with a comment
    int next = before.getVersion() + 1;
    browser.type("model-comment", "Clearer name for the review (" + language + ")");
    browser.click("model-deploy");
    browser.waitForText(By.tagName("body"), t("models.deployed.done", next));
    ProcessDefinition after = latestDefinition();
    assertThat(after.getVersion()).isEqualTo(next);
    assertThat(
            client.newProcessDefinitionGetXmlRequest(after.getProcessDefinitionKey()).send().join())
        .contains("name=\"" + newName + "\"");
    screenshot("04-deployed");

    // the history lists the new version and shows the one before it: listed when the console
    // or start-up deployed it, named as deployed outside the console when the test set-up did
    browser.click("model-history");
    browser.waitFor(By.id("model-history-grid"));
    browser.waitUntil(driver -> browser.gridContains("model-history-grid", "v" + next));
    String previous = "v" + before.getVersion();
    assertThat(
            browser.gridContains("model-history-grid", previous)
                || browser.driver().findElements(By.id("model-history-unlisted")).stream()
                    .anyMatch(note -> note.getText().contains(previous)))
        .isTrue();
    browser.waitFor(By.cssSelector(".model-compare")).click();
    browser.waitFor(By.cssSelector("#model-diff[data-diff-done]"));
    browser.waitForText(By.id("model-diff-summary"), TASK);
    screenshot("05-history-diff");

    // the overview counts the process's instances
    browser.open(journey.url("/operations/processes"));
    browser.waitFor(By.id("processes-grid"));
    browser.type("processes-filter", PROCESS);
    browser.waitUntil(driver -> browser.gridContains("processes-grid", PROCESS));
    screenshot("06-overview");

    // the instance list finds the waiting instance in the old version
    browser.open(
        journey.url(
            "/operations/instances?process=" + PROCESS + "&version=" + before.getVersion()));
    browser.waitFor(By.id("instance-grid"));
    browser.waitUntil(driver -> browser.gridContains("instance-grid", String.valueOf(instance)));
    screenshot("07-instance-list");

    // its page shows the diagram with the waiting review
    cell("instance-grid", String.valueOf(instance)).click();
    browser.waitFor(By.id("instance-view"));
    WebElement diagram = awaitDiagram();
    assertThat(diagram.findElements(By.cssSelector("g.pf-active[data-element-id='" + TASK + "']")))
        .hasSize(1);
    screenshot("08-instance");

    // migrates it to the new version: the dry run first
    hideDevelopmentModeNotice();
    browser.click("instance-migrate-one");
    browser.waitFor(By.id("migration-target"));
    browser.select("migration-target", "v" + next + " (" + after.getProcessDefinitionKey() + ")");
    // the mapping is pre-filled where the ids are equal (rows below the fold are not shown)
    browser.waitUntil(driver -> !driver.findElements(By.id("mapping-" + TASK)).isEmpty());
    browser.click("migration-dry-run");
    browser.waitUntil(
        driver -> browser.driver().findElement(By.id("migration-execute")).isEnabled());
    scrollTo("migration-preview");
    browser.waitUntil(
        driver -> browser.gridContains("migration-preview", t("monitoring.migration.wouldMove")));
    assertThat(browser.gridContains("migration-preview", TASK)).isTrue();
    screenshot("09-migration-dry-run");
    browser.click("migration-execute");
    browser.waitFor(By.id("migration-results"));
    scrollTo("migration-results");
    browser.waitUntil(
        driver -> browser.gridContains("migration-results", t("monitoring.migration.done")));
    screenshot("10-migrated");
    assertThat(definitionKeyOf(instance)).isEqualTo(after.getProcessDefinitionKey());

    // when: the review rejects the application while the instance names an application that
    // does not exist: the notice worker fails on every try, and the engine raises an incident
    long missing = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    client
        .newSetVariablesCommand(instance)
        .variables(Map.of("applicationId", missing))
        .send()
        .join();
    client.newAssignUserTaskCommand(reviewTask).assignee("manager").send().join();
    client
        .newCompleteUserTaskCommand(reviewTask)
        .action(CompletionGuard.actionOf("manager"))
        .variables(Map.of("decision", "reject"))
        .send()
        .join();
    MonitoringFixtures.await(() -> fixtures.hasIncident(instance), "the notice's incident");

    // then: the incidents page lists it
    browser.open(journey.url("/operations/incidents"));
    browser.waitFor(By.id("incident-grid"));
    browser.waitUntil(driver -> browser.gridContains("incident-grid", String.valueOf(instance)));
    assertThat(browser.gridContains("incident-grid", "No application " + missing)).isTrue();
    screenshot("11-incidents");

    // and the instance page marks it on the diagram
    browser.open(journey.url("/operations/instances/" + instance));
    WebElement failed = awaitDiagram();
    assertThat(
            failed.findElements(By.cssSelector("g.pf-incident[data-element-id='" + NOTICE + "']")))
        .hasSize(1);
    assertThat(browser.gridContains("instance-incidents", "No application " + missing)).isTrue();
    screenshot("12-instance-incident");

    // when: the operator puts the right application back and retries
    browser.click("edit-variable-applicationId");
    // the dialog element itself has no size; its field shows once it is open
    browser.waitFor(By.cssSelector("#variable-value textarea"));
    browser.type("variable-value", String.valueOf(applicationId));
    browser.click("variable-save");
    browser.waitFor(By.cssSelector("[slot='confirm-button']")).click();
    browser.waitUntil(
        driver -> driver.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")).isEmpty());
    MonitoringFixtures.await(
        () -> String.valueOf(applicationId).equals(variableOf(instance, "applicationId")),
        "the corrected variable");
    browser.open(journey.url("/operations/instances/" + instance));
    awaitDiagram();
    browser.click("retry-" + incidentKey(instance));

    // then: the worker sends the notice and the instance completes
    MonitoringFixtures.await(
        () -> fixtures.stateOf(instance) == ProcessInstanceState.COMPLETED, "completion");
    journey.awaitStatus(applicant, "REJECTED");
    browser.open(journey.url("/operations/instances/" + instance));
    browser.waitForText(By.id("instance-state"), t("monitoring.state.COMPLETED"));
    WebElement completed = awaitDiagram();
    assertThat(
            completed.findElements(
                By.cssSelector("g.pf-completed[data-element-id='application-rejected']")))
        .hasSize(1);
    assertThat(completed.findElements(By.cssSelector("g.pf-incident"))).isEmpty();
    screenshot("13-instance-completed");

    // the audit trail names the deployment, the migration, the variable edit and the retry
    browser.open(journey.url("/operations/audit"));
    browser.waitFor(By.id("audit-grid"));
    browser.waitUntil(
        driver -> browser.gridContains("audit-grid", t("audit.action.INCIDENT_RETRIED")));
    assertThat(browser.gridContains("audit-grid", t("audit.action.MODEL_DEPLOYED"))).isTrue();
    assertThat(browser.gridContains("audit-grid", t("audit.action.INSTANCE_MIGRATED"))).isTrue();
    assertThat(browser.gridContains("audit-grid", t("audit.action.VARIABLE_CHANGED"))).isTrue();
    screenshot("14-audit");
    assertThat(adminActionsSince(started, instance))
        .contains("MODEL_DEPLOYED", "INSTANCE_MIGRATED", "VARIABLE_CHANGED", "INCIDENT_RETRIED");
  }

  /**
   * An application sent to the intake service, not through the public form: the applicant's pages
   * have their own journeys, and each address may only send a few applications an hour.
   */
  private Applicant applyInTheBackground() {
    String company = RecruitmentJourney.unique("Console");
    String email = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    Map<String, Object> values = new HashMap<>();
    values.put("companyName", company);
    values.put("website", "https://console.example");
    values.put("country", "DE");
    values.put("partnerType", "reseller");
    values.put("employees", 40);
    values.put("yearsInBusiness", 6);
    values.put("targetIndustries", List.of("software"));
    values.put("customersInSegment", 12);
    values.put("certifiedStaff", 3);
    values.put("contactName", "Chen Console");
    values.put("contactEmail", email);
    values.put("consent", true);
    ApplicationReceipt receipt =
        applications.submit(
            new ApplicationSubmission(
                values, "", "console-" + UUID.randomUUID(), Locale.ENGLISH, tickets.issue()));
    return new Applicant(company, email, journey.url("/" + receipt.statusPath()));
  }

  /** Selects the element through the modeler and types its new name in the properties panel. */
  private void rename(String elementId, String name) {
    // at the fitted zoom a boundary event's label lies over the task: select it by script
    script(
        "document.getElementById('model-canvas').modeler.get('selection').select(" + ELEMENT + ")",
        elementId);
    WebElement general =
        browser.waitFor(
            By.cssSelector("[data-group-id='group-general'] .bio-properties-panel-group-header"));
    if (!general.getAttribute("class").contains("open")) {
      general.click();
    }
    WebElement field = browser.waitFor(By.id("bio-properties-panel-name"));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), name);
    field.sendKeys(Keys.TAB);
    browser.waitUntil(
        driver -> name.equals(script("return " + ELEMENT + ".businessObject.name", elementId)));
  }

  /** The ids of the diagram's shapes the modeler's palette covers. */
  private static final String UNDER_THE_PALETTE =
      "const canvas = document.getElementById('model-canvas');"
          + " const p = canvas.querySelector('.djs-palette').getBoundingClientRect();"
          + " return [...canvas.querySelectorAll('.djs-element.djs-shape')]"
          + ".filter(e => { const r = e.getBoundingClientRect();"
          + " return r.width > 0 && r.left < p.right && r.right > p.left"
          + " && r.top < p.bottom && r.bottom > p.top; })"
          + ".map(e => e.getAttribute('data-element-id'));";

  private static final String ELEMENT =
      "document.getElementById('model-canvas').modeler.get('elementRegistry').get(arguments[0])";

  private Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
  }

  private void switchToChinese() {
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    // the switch reloads the page: wait for it before going on
    browser.waitForText(By.id("main-navigation"), "首页");
  }

  private String t(String key, Object... parameters) {
    return translations.getTranslation(key, locale, parameters);
  }

  private void screenshot(String name) {
    hideDevelopmentModeNotice();
    browser.screenshot(prefix + name);
  }

  /**
   * Vaadin's development-mode notice (tests run the app in development mode) lies over the lower
   * right corner, where dialogs have their buttons: a user of the packaged app never sees it.
   */
  /** Grids render the rows a person could see: scroll the dialog to the one read next. */
  private void scrollTo(String id) {
    script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
  }

  private void hideDevelopmentModeNotice() {
    script("document.querySelectorAll('vaadin-dev-tools').forEach(e => e.remove());");
  }

  private WebElement awaitDiagram() {
    browser.waitUntil(
        driver ->
            !driver.findElements(By.cssSelector("#instance-diagram[data-rendered]")).isEmpty()
                || !driver.findElements(By.cssSelector("#instance-diagram[data-error]")).isEmpty());
    WebElement diagram = browser.waitFor(By.id("instance-diagram"));
    assertThat(diagram.getAttribute("data-error")).isNull();
    return diagram;
  }

  private WebElement cell(String gridId, String text) {
    return browser
        .driver()
        .findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"))
        .stream()
        .filter(cell -> cell.getText().equals(text))
        .findFirst()
        .orElseThrow();
  }

  private long instanceOf(Applicant applicant) {
    return jdbc.sql("SELECT process_instance_key FROM app.application WHERE contact_email = :email")
        .param("email", applicant.email())
        .query(Long.class)
        .single();
  }

  private long definitionKeyOf(long instance) {
    return client.newProcessInstanceGetRequest(instance).send().join().getProcessDefinitionKey();
  }

  private ProcessDefinition latestDefinition() {
    return client
        .newProcessDefinitionSearchRequest()
        .filter(filter -> filter.processDefinitionId(PROCESS).isLatestVersion(true))
        .page(page -> page.limit(1))
        .send()
        .join()
        .items()
        .get(0);
  }

  private String variableOf(long instance, String name) {
    return client
        .newVariableSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance).name(name))
        .send()
        .join()
        .items()
        .stream()
        .map(variable -> variable.getValue())
        .findFirst()
        .orElse(null);
  }

  private long incidentKey(long instance) {
    return client
        .newIncidentSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance))
        .send()
        .join()
        .items()
        .get(0)
        .getIncidentKey();
  }

  /** What the administrator did to this instance or to any model since the journey started. */
  private List<String> adminActionsSince(Instant started, long instance) {
    return jdbc.sql(
            "SELECT action FROM app.audit_log WHERE actor = 'admin' AND occurred_at >= :since"
                + " AND (process_instance_key = :instance"
                + " OR (subject_type = 'model' AND subject_id LIKE :model))")
        .param("since", Timestamp.from(started))
        .param("instance", instance)
        .param("model", "%" + PROCESS + "%")
        .query(String.class)
        .list();
  }
}
