package io.partnerflow.app.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.modeling.ModelDeploymentService;
import io.partnerflow.app.recruitment.application.ApplicationReceipt;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.ApplicationSubmission;
import io.partnerflow.app.recruitment.application.FormTickets;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Prints (asserts nothing): the time from submitting the public application to the review task
 * appearing, and the task list's page load (search + count, as the grid asks) with many open tasks.
 * {@code ./mvnw -B -pl app -Pbenchmark test -Dtest=RecruitmentBenchmark}, options {@code
 * -Dbenchmark.applications=50 -Dbenchmark.tasks=10000 -Dbenchmark.pageLoads=200}.
 */
@PartnerflowTest
class RecruitmentBenchmark {

  @Autowired ApplicationService applications;
  @Autowired FormTickets tickets;
  @Autowired ModelDeploymentService deployments;
  @Autowired TaskListService tasks;
  @Autowired CamundaClient client;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  @Test
  void measure() throws Exception {
    int applicationCount = Integer.getInteger("benchmark.applications", 50);
    int taskCount = Integer.getInteger("benchmark.tasks", 10_000);
    int pageLoads = Integer.getInteger("benchmark.pageLoads", 200);
    deployments.deploy(deployments.configuredModels());
    System.out.printf(
        "%nPartnerflow recruitment benchmark on %d cores%n",
        Runtime.getRuntime().availableProcessors());

    long[] submitToTask = new long[applicationCount];
    for (int i = 0; i < applicationCount; i++) {
      long started = System.nanoTime();
      ApplicationReceipt receipt = applications.submit(submission(i));
      String token = receipt.statusPath().substring(receipt.statusPath().lastIndexOf('/') + 1);
      while (!reviewTaskOpen(token)) {
        Thread.sleep(5);
      }
      submitToTask[i] = System.nanoTime() - started;
    }
    print("submit -> review task open", submitToTask);

    String processId = "benchmark-tasks-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("work")
                .zeebeUserTask()
                .zeebeCandidateGroups("partner-managers")
                .zeebeDueDate("=now() + duration(\"P3D\")")
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    long creating = System.nanoTime();
    ExecutorService starters = Executors.newFixedThreadPool(8);
    for (int i = 0; i < taskCount; i++) {
      starters.submit(
          () ->
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId(processId)
                  .latestVersion()
                  .send()
                  .join());
    }
    starters.shutdown();
    starters.awaitTermination(30, TimeUnit.MINUTES);
    System.out.printf(
        "created %d open tasks through the client in %.1f s%n",
        taskCount, (System.nanoTime() - creating) / 1e9);

    login("manager");
    TaskQuery firstPage =
        new TaskQuery(TaskScope.MY_GROUPS, null, DueFilter.ANY, null, TaskSort.DUE, false);
    long open = tasks.search(firstPage, 0, 1).total();
    long[] loads = new long[pageLoads];
    for (int i = 0; i < pageLoads; i++) {
      long started = System.nanoTime();
      tasks.search(firstPage, 0, 50);
      tasks.search(firstPage, 0, 1); // the grid's count query
      loads[i] = System.nanoTime() - started;
    }
    SecurityContextHolder.clearContext();
    print("task list page load (" + open + " open tasks of my groups, page 50 + count)", loads);
  }

  private boolean reviewTaskOpen(String token) {
    List<Long> instance =
        jdbc.sql(
                "SELECT a.process_instance_key FROM app.application a JOIN app.application_token t"
                    + " ON t.application_id = a.id WHERE t.token_hash ="
                    + " encode(sha256(convert_to(:token, 'UTF8')), 'hex')"
                    + " AND process_instance_key IS NOT NULL")
            .param("token", token)
            .query(Long.class)
            .list();
    return !instance.isEmpty()
        && !client
            .newUserTaskSearchRequest()
            .filter(
                filter ->
                    filter
                        .processInstanceKey(instance.get(0))
                        .elementId("review-application")
                        .state(UserTaskState.CREATED))
            .send()
            .join()
            .items()
            .isEmpty();
  }

  private ApplicationSubmission submission(int i) {
    Map<String, Object> values = new HashMap<>();
    values.put("companyName", "Benchmark " + UUID.randomUUID().toString().substring(0, 8));
    values.put("website", "https://benchmark.example");
    values.put("country", "DE");
    values.put("partnerType", "reseller");
    values.put("employees", 40);
    values.put("yearsInBusiness", 6);
    values.put("targetIndustries", List.of("software"));
    values.put("customersInSegment", 12);
    values.put("certifiedStaff", 3);
    values.put("contactName", "Bea Benchmark");
    values.put("contactEmail", "bench-" + i + "@example.org");
    values.put("consent", true);
    return new ApplicationSubmission(
        values, "", "bench-" + UUID.randomUUID(), Locale.ENGLISH, tickets.issue());
  }

  private void login(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
        what,
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
