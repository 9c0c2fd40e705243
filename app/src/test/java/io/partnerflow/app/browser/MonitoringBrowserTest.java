package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.partnerflow.app.monitoring.MonitoringFixtures;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations console in a real browser at 1400 px: the administrator finds an instance with an
 * incident in the instance list, opens its page with the diagram (bpmn-js) marking the path and the
 * failed task, retries the incident, and the instance completes; the same pages in Chinese.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class MonitoringBrowserTest {

  @Value("${local.server.port}")
  int port;

  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;

  private Browser browser;
  private RecruitmentJourney journey;
  private MonitoringFixtures fixtures;

  @BeforeEach
  void setUp() throws Exception {
    browser = SharedBrowser.get();
    browser.driver().manage().window().setSize(new Dimension(1400, 900));
    journey = new RecruitmentJourney(browser, port, jdbc, client);
    fixtures = new MonitoringFixtures(client);
  }

  @AfterEach
  void restoreWindow() {
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  void shouldRetryAnIncidentFromTheInstancePageUntilTheInstanceCompletes() {
    // given: an instance whose job failed with no retries left
    String processId = fixtures.deployServiceProcess();
    fixtures.start(processId, Map.of("amount", 7));
    long instance = fixtures.startWithIncident(processId, "CRM timed out after 30 s");
    journey.logInAs("admin");

    // the administrator finds it in the instance list
    browser.open(journey.url("/operations/instances?process=" + processId));
    browser.waitFor(By.id("instance-grid"));
    browser.waitUntil(driver -> browser.gridContains("instance-grid", String.valueOf(instance)));
    browser.waitForText(By.id("instance-total"), "2 instances");
    browser.screenshot("monitoring-1-instance-list");

    // opens the instance page: the diagram marks the failed task
    cell("instance-grid", String.valueOf(instance)).click();
    browser.waitFor(By.id("instance-view"));
    WebElement diagram = awaitDiagram();
    assertThat(diagram.findElements(By.cssSelector("g.pf-incident[data-element-id='charge']")))
        .hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("g.pf-completed[data-element-id='start']")))
        .hasSize(1);
    assertThat(browser.gridContains("instance-incidents", "CRM timed out after 30 s")).isTrue();
    browser.screenshot("monitoring-2-instance-with-incident");

    // retries it; the worker (here: the test) now succeeds
    long incident = incidentKey(instance);
    browser.click("retry-" + incident);
    browser.waitUntil(driver -> !fixtures.hasIncident(instance));
    var job = fixtures.activate(processId, instance);
    client.newCompleteCommand(job.getKey()).send().join();
    MonitoringFixtures.await(
        () -> fixtures.stateOf(instance) == ProcessInstanceState.COMPLETED, "completion");

    // the page shows the completed path
    browser.open(journey.url("/operations/instances/" + instance));
    browser.waitForText(By.id("instance-state"), "Completed");
    WebElement completed = awaitDiagram();
    assertThat(completed.findElements(By.cssSelector("g.pf-completed[data-element-id='end']")))
        .hasSize(1);
    assertThat(completed.findElements(By.cssSelector("g.pf-incident"))).isEmpty();
    browser.screenshot("monitoring-3-instance-completed");

    // the audit trail of the instance names the retry
    browser.click("instance-audit");
    browser.waitFor(By.id("audit-grid"));
    browser.waitUntil(driver -> browser.gridContains("audit-grid", "Incident retried"));

    // and in Chinese
    browser.waitFor(By.id("language-switch")).click();
    browser.waitFor(By.xpath("//vaadin-select-item[contains(., '中文')]")).click();
    // the switch reloads the page: wait for it before going on
    browser.waitForText(By.id("main-navigation"), "首页");
    browser.open(journey.url("/operations/instances/" + instance));
    browser.waitForText(By.id("instance-state"), "已完成");
    awaitDiagram();
    browser.screenshot("monitoring-4-instance-zh");
    browser.open(journey.url("/operations/processes"));
    browser.waitFor(By.id("processes-grid"));
    browser.type("processes-filter", processId);
    browser.waitUntil(driver -> browser.gridContains("processes-grid", processId));
    browser.screenshot("monitoring-5-processes-zh");
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
}
