package io.partnerflow.app.crash;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.partnerflow.app.PartnerflowApplication;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.recruitment.application.RecruitmentTestModel;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform in a JVM of its own, driven like production: {@code load} submits applications and
 * approves their reviews until {@link AppCrashTest} kills the process; {@code verify} starts again
 * on the same data, lets the platform finish what it had started, approves what is left and checks
 * that every application ended in exactly one process instance, one partner, one invitation and no
 * notice twice. It prints {@code PROGRESS}, {@code VERIFY OK} or {@code VERIFY FAILED} lines for
 * the test to read.
 */
public final class CrashDriver {

  static final String APPROVED_LINE = "PROGRESS approved ";
  static final String SUBMITTED_LINE = "PROGRESS submitted ";
  static final String VERIFY_OK = "VERIFY OK";
  static final String VERIFY_FAILED = "VERIFY FAILED ";

  private final ConfigurableApplicationContext context;
  private final CamundaClient client;
  private final JdbcClient jdbc;
  private final AtomicInteger approved = new AtomicInteger();

  private CrashDriver(ConfigurableApplicationContext context) {
    this.context = context;
    this.client = context.getBean(CamundaClient.class);
    this.jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String dataDirectory = args[1];
    int applications = Integer.parseInt(args[2]);
    Map<String, Object> properties = new HashMap<>();
    properties.put("partnerflow.embedded-postgres.data-directory", dataDirectory);
    properties.put("server.port", "0");
    // a job held by the killed process is offered again soon, not after the default 5 minutes
    properties.put("camunda.client.worker.defaults.timeout", "PT10S");
    properties.put("partnerflow.recruitment.start-retry-interval", "2s");
    // a start the killed process held is taken over after this, not after the default 5 minutes
    properties.put("partnerflow.recruitment.start-claim", "20s");
    properties.put("partnerflow.notification.dispatch-interval", "1s");
    properties.put("logging.level.root", "WARN");
    // the demo profile's year of history would move the clocks and compete for the reviews
    properties.put("partnerflow.demo.history.enabled", "false");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PartnerflowApplication.class)
            .profiles("demo")
            // as arguments: they must win over the configuration files
            .run(
                properties.entrySet().stream()
                    .map(property -> "--" + property.getKey() + "=" + property.getValue())
                    .toArray(String[]::new));
    CrashDriver driver = new CrashDriver(context);
    int exitCode = "load".equals(mode) ? driver.load(applications) : driver.verify(applications);
    context.close();
    System.exit(exitCode);
  }

  /** Submits and approves until killed; returns only when everything is done (a failed kill). */
  private int load(int applications) throws Exception {
    Thread reviewer = daemon(this::approveForever);
    ApplicationService service = context.getBean(ApplicationService.class);
    FormTickets tickets = context.getBean(FormTickets.class);
    for (int i = 1; i <= applications; i++) {
      Map<String, Object> values = RecruitmentTestModel.validValues("Crash Test Company " + i);
      values.put("contactEmail", "contact" + i + "@crash.example.com");
      // an applicant who took two minutes to fill the form
      String ticket = tickets.issue(Instant.now().minus(Duration.ofMinutes(2)));
      service.submit(
          new ApplicationSubmission(values, "", "198.51.100." + i, Locale.ENGLISH, ticket));
      System.out.println(SUBMITTED_LINE + i);
    }
    reviewer.join(Duration.ofMinutes(2).toMillis());
    return 0;
  }

  private int verify(int expectedAtLeast) throws Exception {
    daemon(this::approveForever);
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(giveUp) && !allApproved()) {
      Thread.sleep(500);
    }
    List<String> failures = new ArrayList<>(checks(expectedAtLeast));
    if (failures.isEmpty()) {
      System.out.println(VERIFY_OK);
      return 0;
    }
    failures.forEach(failure -> System.out.println(VERIFY_FAILED + failure));
    return 1;
  }

  private boolean allApproved() {
    return jdbc.sql(
                "SELECT count(*) FROM app.application WHERE status <> 'APPROVED'"
                    + " OR NOT EXISTS (SELECT 1 FROM app.partner p WHERE p.application_id ="
                    + " application.id)")
            .query(Long.class)
            .single()
        == 0;
  }

  private List<String> checks(int expectedAtLeast) {
    List<String> failures = new ArrayList<>();
    List<Long> applicationIds =
        jdbc.sql("SELECT id FROM app.application ORDER BY id").query(Long.class).list();
    if (applicationIds.size() < expectedAtLeast) {
      failures.add(
          "only %d applications stored, %d were acknowledged before the kill"
              .formatted(applicationIds.size(), expectedAtLeast));
    }
    Map<Long, List<Long>> instancesByApplication = recruitmentInstancesByApplication();
    for (long id : applicationIds) {
      List<Long> instances = instancesByApplication.getOrDefault(id, List.of());
      if (instances.size() != 1) {
        failures.add(
            "application %d has %d process instances %s"
                .formatted(id, instances.size(), instances));
      }
    }
    jdbc.sql("SELECT id, status FROM app.application WHERE status <> 'APPROVED' ORDER BY id")
        .query(
            (rs, row) ->
                "application %d ended %s, not APPROVED (a lost task?)"
                    .formatted(rs.getLong(1), rs.getString(2)))
        .list()
        .forEach(failures::add);
    jdbc.sql(
            "SELECT a.id FROM app.application a WHERE NOT EXISTS"
                + " (SELECT 1 FROM app.partner p WHERE p.application_id = a.id)")
        .query(Long.class)
        .list()
        .forEach(id -> failures.add("application %d has no partner".formatted(id)));
    jdbc.sql(
            "SELECT template, reference_type, reference_id, recipient_email, count(*)"
                + " FROM app.notification_outbox"
                + " GROUP BY template, reference_type, reference_id, recipient_email"
                + " HAVING count(*) > 1")
        .query(
            (rs, row) ->
                "notice %s about %s/%s to %s queued %d times"
                    .formatted(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5)))
        .list()
        .forEach(failures::add);
    jdbc.sql(
            "SELECT u.username, count(*) FROM app.user_invitation i JOIN app.app_user u ON"
                + " u.id = i.user_id WHERE i.used_at IS NULL GROUP BY u.username HAVING count(*) > 1")
        .query(
            (rs, row) ->
                "user %s holds %d open invitations".formatted(rs.getString(1), rs.getLong(2)))
        .list()
        .forEach(failures::add);
    return failures;
  }

  /** Every recruitment instance the engine knows, by the application it was started for. */
  private Map<Long, List<Long>> recruitmentInstancesByApplication() {
    Map<Long, List<Long>> byApplication = new HashMap<>();
    List<Variable> variables =
        client
            .newVariableSearchRequest()
            .filter(filter -> filter.name("applicationId"))
            .page(page -> page.limit(1000))
            .send()
            .join()
            .items();
    for (Variable variable : variables) {
      if (variable.getScopeKey().equals(variable.getProcessInstanceKey())) {
        byApplication
            .computeIfAbsent(Long.parseLong(variable.getValue()), id -> new ArrayList<>())
            .add(variable.getProcessInstanceKey());
      }
    }
    return byApplication;
  }

  /** Approves every open review, as a partner manager would, until the JVM ends. */
  private void approveForever() {
    while (true) {
      try {
        for (UserTask task : openReviews()) {
          client
              .newAssignUserTaskCommand(task.getUserTaskKey())
              .assignee("manager")
              .allowOverride(true)
              .send()
              .join();
          client
              .newCompleteUserTaskCommand(task.getUserTaskKey())
              .variables(
                  Map.of(
                      "decision", "approve",
                      "tier", "Registered",
                      "reviewComment", "",
                      "completedBy", "manager"))
              .action(CompletionGuard.actionOf("manager"))
              .send()
              .join();
          System.out.println(APPROVED_LINE + approved.incrementAndGet());
        }
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a task completed concurrently or the platform is stopping: look again
        sleepQuietly();
      }
    }
  }

  private List<UserTask> openReviews() {
    return client
        .newUserTaskSearchRequest()
        .filter(filter -> filter.elementId("review-application").state(UserTaskState.CREATED))
        .page(page -> page.limit(50))
        .send()
        .join()
        .items();
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "crash-driver-reviewer");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
