package io.partnerflow.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.support.Browser;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps of the recruitment journeys as the people take them in the browser — the applicant on
 * the public pages, staff in the task list, the directory and the outbox — plus waits for what the
 * process does in the background (the job workers), read from the database and the engine.
 */
final class RecruitmentJourney {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Browser browser;
  private final int port;
  private final JdbcClient jdbc;
  private final CamundaClient client;

  RecruitmentJourney(Browser browser, int port, JdbcClient jdbc, CamundaClient client) {
    this.browser = browser;
    this.port = port;
    this.jdbc = jdbc;
    this.client = client;
  }

  /** Someone who applied: the company, the e-mail that identifies the application, the link. */
  record Applicant(String company, String email, String statusUrl) {}

  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Fills in and sends the public application form; returns the applicant with the status link. */
  Applicant apply(String company, String country, String screenshotPrefix) {
    String email = "applicant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    browser.clearCookies(); // a stranger, not the staff member who used the browser before
    browser.open(url("/apply"));
    browser.waitFor(By.id("application-form"));
    browser.type("form-field-companyName", company);
    browser.type("form-field-website", "https://journey.example");
    browser.select("form-field-country", country);
    browser.choose("form-field-partnerType", "Reseller");
    browser.type("form-field-employees", "40");
    browser.type("form-field-yearsInBusiness", "6");
    browser.choose("form-field-targetIndustries", "Software");
    browser.type("form-field-customersInSegment", "12");
    browser.type("form-field-certifiedStaff", "3");
    browser.type("form-field-contactName", "Ada Applicant");
    browser.type("form-field-contactEmail", email);
    browser.check("form-field-consent");
    browser.screenshot(screenshotPrefix + "-application-form");
    browser.click("apply-submit");
    WebElement statusLink = browser.waitFor(By.id("status-link"));
    String statusUrl = statusLink.getAttribute("href");
    assertThat(statusUrl).contains("/apply/status/");
    return new Applicant(company, email, statusUrl);
  }

  /** The applicant opens their status page; returns the stage line it shows. */
  String openStatusPage(Applicant applicant) {
    browser.clearCookies();
    browser.open(applicant.statusUrl());
    browser.waitForText(By.id("status-company"), applicant.company());
    return browser.waitFor(By.id("status-stage")).getText();
  }

  String statusHistory() {
    return browser.waitFor(By.id("status-history")).getText();
  }

  boolean showsInformationRequest() {
    return !browser.driver().findElements(By.id("information-request")).isEmpty();
  }

  /** Signs everyone out (all cookies) and logs in on the staff side. */
  void logInAs(String username) {
    browser.clearCookies();
    browser.open(url("/login"));
    browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
    WebElement password =
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']"));
    password.sendKeys("demo");
    password.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("home-view"));
  }

  /** Opens a task by its link, as from the task list or a notice; waits until its form shows. */
  void openTask(long taskKey) {
    browser.open(url("/tasks/" + taskKey));
    browser.waitFor(By.id("task-form"));
  }

  /** Completes the open task view and waits to be back at the list. */
  void complete() {
    browser.click("complete");
    browser.waitFor(By.id("task-list-view"));
  }

  void awaitPartnerListed(String company) {
    browser.open(url("/partners"));
    browser.waitFor(By.id("partner-grid"));
    browser.type("partner-search", company);
    browser.waitUntil(driver -> browser.gridContains("partner-grid", company));
  }

  /** Waits until the directory, searched for the company, lists nobody. */
  void awaitPartnerNotListed(String company) {
    browser.open(url("/partners"));
    browser.waitFor(By.id("partner-grid"));
    browser.type("partner-search", company);
    browser.waitUntil(driver -> !gridLoading("partner-grid") && gridSize("partner-grid") == 0);
    assertThat(browser.gridContains("partner-grid", company)).isFalse();
  }

  private boolean gridLoading(String gridId) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.getElementById(arguments[0]).loading;", gridId));
  }

  private long gridSize(String gridId) {
    Object size =
        ((JavascriptExecutor) browser.driver())
            .executeScript("return document.getElementById(arguments[0]).size;", gridId);
    return size == null ? 0 : ((Number) size).longValue();
  }

  /** Waits until the process opened a task of that element for the application. */
  long awaitTask(Applicant applicant, String elementId) {
    return await(
        () ->
            processInstanceKey(applicant)
                .flatMap(
                    key ->
                        client
                            .newUserTaskSearchRequest()
                            .filter(
                                filter ->
                                    filter
                                        .processInstanceKey(key)
                                        .elementId(elementId)
                                        .state(UserTaskState.CREATED))
                            .send()
                            .join()
                            .items()
                            .stream()
                            .map(task -> task.getUserTaskKey())
                            .findFirst()));
  }

  /** Waits until the application reached the status (the workers record it). */
  void awaitStatus(Applicant applicant, String status) {
    await(() -> Optional.of(status).filter(expected -> expected.equals(status(applicant))));
  }

  String status(Applicant applicant) {
    return jdbc.sql("SELECT status FROM app.application WHERE contact_email = :email")
        .param("email", applicant.email())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  long applicationId(Applicant applicant) {
    return jdbc.sql("SELECT id FROM app.application WHERE contact_email = :email")
        .param("email", applicant.email())
        .query(Long.class)
        .single();
  }

  long partnersOf(Applicant applicant) {
    return jdbc.sql(
            "SELECT count(*) FROM app.partner p JOIN app.application a ON a.id = p.application_id"
                + " WHERE a.contact_email = :email")
        .param("email", applicant.email())
        .query(Long.class)
        .single();
  }

  private Optional<Long> processInstanceKey(Applicant applicant) {
    return jdbc.sql(
            "SELECT process_instance_key FROM app.application"
                + " WHERE contact_email = :email AND process_instance_key IS NOT NULL")
        .param("email", applicant.email())
        .query(Long.class)
        .optional();
  }

  /** Polls the background work (job workers, timers) until it shows a value; fails after 30 s. */
  static <T> T await(Supplier<Optional<T>> probe) {
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting", e);
      }
    }
    throw new AssertionError("Not reached within " + PATIENCE.toSeconds() + " s");
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
