package io.partnerflow.app.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Prints (asserts nothing): the staff task list's page load with many open tasks — what the grid
 * asks for, the count and a page of 50 rows with whom each task is about (TaskListService#rows: the
 * engine's task search plus one variable search and one partner query per page).
 *
 * <p>The tasks come about through the client: {@code benchmark.tasks / 10} instances of a process
 * whose user task is a parallel multi-instance of 10, for the partner managers, each instance
 * naming its company ({@code companyName}) or, every other one, one of 50 partners ({@code
 * partnerId}).
 *
 * <p>{@code ./mvnw -B -pl app -am -Pbenchmark test -Dtest=TaskListPageBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, options {@code -Dbenchmark.tasks=10000
 * -Dbenchmark.pageLoads=200}.
 */
@PartnerflowTest
class TaskListPageBenchmark {

  @Autowired CamundaClient client;
  @Autowired TaskListService tasks;
  @Autowired PartnerService partners;
  @Autowired UserDetailsService users;

  @Test
  void measure() throws Exception {
    int taskCount = Integer.getInteger("benchmark.tasks", 10_000);
    int pageLoads = Integer.getInteger("benchmark.pageLoads", 200);
    String processId = "bench-tasks-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("bench-review")
                .name("Review")
                .zeebeUserTask()
                .zeebeCandidateGroups("partner-managers")
                .zeebeDueDate("=now() + duration(\"P2D\")")
                .multiInstance(
                    mi -> mi.parallel().zeebeInputCollectionExpression("[1,2,3,4,5,6,7,8,9,10]"))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    String suffix = processId.substring("bench-tasks-".length());
    long[] partnerIds = new long[50];
    for (int i = 0; i < partnerIds.length; i++) {
      partnerIds[i] =
          partners.create(
              PartnerTestData.newPartner(
                  "Bench Partner " + suffix + " " + i, PartnerType.RESELLER, PartnerTier.SILVER));
    }
    SecurityContextHolder.clearContext();

    long creating = System.nanoTime();
    ExecutorService starters = Executors.newFixedThreadPool(8);
    int instances = taskCount / 10;
    for (int i = 0; i < instances; i++) {
      int n = i;
      Map<String, Object> variables =
          n % 2 == 0
              ? Map.of("partnerId", partnerIds[n % partnerIds.length])
              : Map.of("companyName", "Bench Company " + suffix + " " + n);
      starters.submit(
          () ->
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId(processId)
                  .latestVersion()
                  .variables(variables)
                  .send()
                  .join());
    }
    starters.shutdown();
    starters.awaitTermination(2, TimeUnit.HOURS);
    awaitOpenTasks(processId, instances * 10L);
    System.out.printf(
        "%nPartnerflow task list page benchmark on %d cores: %d open tasks made in %.1f s%n",
        Runtime.getRuntime().availableProcessors(),
        instances * 10,
        (System.nanoTime() - creating) / 1e9);

    loginAs("manager");
    long total = tasks.search(query(processId, null), 0, 1).total();
    Random random = new Random(7);
    measure("first page, this process", pageLoads, i -> pageLoad(query(processId, null), 0));
    measure(
        "a random page, this process",
        pageLoads,
        i -> pageLoad(query(processId, null), random.nextInt((int) Math.max(1, total - 50))));
    measure("first page, all my groups' tasks", pageLoads, i -> pageLoad(TaskQuery.defaults(), 0));
    // the same page without whom each task is about: what the context lookup adds
    measure(
        "first page, this process, no context",
        pageLoads,
        i -> {
          long started = System.nanoTime();
          tasks.search(query(processId, null), 0, 1);
          tasks.search(query(processId, null), 0, 50);
          return System.nanoTime() - started;
        });
    measure(
        "company filter (one partner)",
        Math.min(pageLoads, 50),
        i -> pageLoad(query(processId, "Bench Partner " + suffix + " 7"), 0));
    SecurityContextHolder.clearContext();
  }

  /** One page load as the grid does it: the count, then a page of 50 rows with context. */
  private long pageLoad(TaskQuery query, int offset) {
    long started = System.nanoTime();
    long count = tasks.search(query, 0, 1).total();
    int rows = tasks.rows(query, offset, 50).items().size();
    if (count < 0 || rows < 0) {
      throw new IllegalStateException();
    }
    return System.nanoTime() - started;
  }

  private static void measure(String label, int loads, IntFunction<Long> load) {
    for (int i = 0; i < 10; i++) {
      load.apply(i); // warm-up
    }
    long[] nanos = IntStream.range(0, loads).mapToLong(load::apply).toArray();
    Arrays.sort(nanos);
    System.out.printf(
        "%-36s p50 %6.1f ms  p95 %6.1f ms  (%d loads)%n",
        label, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6, loads);
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

  private void awaitOpenTasks(String processId, long expected) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(30));
    long open = 0;
    while (Instant.now().isBefore(giveUp)) {
      Long total =
          client
              .newUserTaskSearchRequest()
              .filter(filter -> filter.bpmnProcessId(processId).state(UserTaskState.CREATED))
              .page(page -> page.limit(1))
              .send()
              .join()
              .page()
              .totalItems();
      open = total == null ? 0 : total;
      if (open >= expected) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Only " + open + " of " + expected + " tasks opened");
  }

  private void loginAs(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
  }
}
