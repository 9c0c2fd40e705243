package io.partnerflow.app.benchmark;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.support.Browser;
import io.partnerflow.app.support.BrowserLogin;
import io.partnerflow.app.support.OpenTaskSet;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.SharedBrowser;
import io.partnerflow.app.support.StaffTestData;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskQueryParameters;
import io.partnerflow.app.tasklist.TaskRow;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Prints (asserts nothing): how long the staff task list takes to become usable in Chromium with
 * many open tasks ({@link OpenTaskSet}), logged in as the demo manager. One load is {@code
 * driver.get} of the route until the grid shows the first row's company (the text the server says
 * the first row has) — the row is then there to click; the browser's own figure is from the
 * Navigation Timing start to the same moment. A filter change is the company field's new value
 * leaving the field (Tab) until the grid shows that company's rows. A screenshot of the loaded list
 * goes to {@code target/screenshots/task-list-benchmark.png}.
 *
 * <p>{@code ./mvnw -B -pl app -am -Pbenchmark test -Dtest=TaskListBrowserBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, options {@code -Dbenchmark.tasks=10000
 * -Dbenchmark.browserLoads=30}.
 */
@PartnerflowTest
@ExtendWith(SharedBrowser.ScreenshotOnFailure.class)
class TaskListBrowserBenchmark {

  @Value("${local.server.port}")
  int port;

  @Autowired CamundaClient client;
  @Autowired PartnerService partners;
  @Autowired TaskListService tasks;
  @Autowired UserDetailsService users;

  @Test
  void measure() throws Exception {
    int taskCount = Integer.getInteger("benchmark.tasks", 10_000);
    int loads = Integer.getInteger("benchmark.browserLoads", 30);
    OpenTaskSet set = OpenTaskSet.make(client, partners, taskCount);
    System.out.printf(
        "%nPartnerflow task list browser benchmark on %d cores: %d open tasks made in %.1f s%n",
        Runtime.getRuntime().availableProcessors(), set.openTasks(), set.seconds());
    Browser browser = SharedBrowser.get();
    BrowserLogin.logIn(browser, port, "manager", "demo");

    TaskQuery byProcess = query(set.processId(), null);
    route(browser, "the list as it opens (all my groups)", TaskQuery.defaults(), loads);
    route(browser, "this process", byProcess, loads);
    browser.screenshot("task-list-benchmark");
    filterChanges(browser, set, byProcess, loads);
  }

  /** Loads of the route with the query's filter, until the first row's text shows. */
  private void route(Browser browser, String label, TaskQuery query, int loads) {
    String url =
        "http://localhost:"
            + port
            + "/tasks"
            + (query.equals(TaskQuery.defaults())
                ? ""
                : "?" + TaskQueryParameters.toQueryString(query));
    String firstRow = firstRowText(query);
    long[] driver = new long[loads];
    long[] navigation = new long[loads];
    for (int i = -3; i < loads; i++) { // three warm-up loads
      long started = System.nanoTime();
      browser.open(url);
      browser.waitUntil(d -> shows(browser, firstRow));
      long took = System.nanoTime() - started;
      Number sinceStart =
          (Number)
              ((JavascriptExecutor) browser.driver())
                  .executeScript(
                      "return performance.now() -"
                          + " performance.getEntriesByType('navigation')[0].startTime;");
      if (i >= 0) {
        driver[i] = took;
        navigation[i] = (long) (sinceStart.doubleValue() * 1e6);
      }
    }
    print(label + ", driver.get to first row", driver);
    print(label + ", navigation start to first row", navigation);
  }

  /** The company filter: one partner's name, then another's, until the grid shows their rows. */
  private void filterChanges(Browser browser, OpenTaskSet set, TaskQuery byProcess, int loads) {
    long[] nanos = new long[loads];
    for (int i = -3; i < loads; i++) {
      String company = set.partnerName(Math.floorMod(i, 2) == 0 ? 7 : 8);
      String firstRow = firstRowText(query(set.processId(), company));
      WebElement input = browser.waitFor(By.cssSelector("#task-filter-company input"));
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), company);
      long started = System.nanoTime();
      input.sendKeys(Keys.TAB);
      browser.waitUntil(d -> shows(browser, firstRow) && !shows(browser, "Bench Company"));
      if (i >= 0) {
        nanos[i] = System.nanoTime() - started;
      }
    }
    browser.screenshot("task-list-benchmark-company");
    print("company filter changed, Tab to its rows", nanos);
  }

  /** Whether a grid cell shows the text; false while the page replaces the cells. */
  private static boolean shows(Browser browser, String text) {
    try {
      return browser.gridContains("task-grid", text);
    } catch (StaleElementReferenceException replaced) {
      return false;
    }
  }

  /** The first row's company as the server lists it for the manager. */
  private String firstRowText(TaskQuery query) {
    StaffTestData.loginAs(users, "manager");
    try {
      TaskRow first = tasks.rows(query, 0, 1).items().get(0);
      return first.subject() != null ? first.subject() : first.task().name();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static void print(String label, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-62s p50 %6.0f ms  p95 %6.0f ms  (%d loads, load average %.2f)%n",
        label,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted.length,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static TaskQuery query(String processId, String company) {
    return new TaskQuery(
        TaskScope.MY_GROUPS,
        processId,
        DueFilter.ANY,
        null,
        TaskSort.DUE,
        false,
        null,
        company,
        null,
        null,
        null,
        null);
  }
}
