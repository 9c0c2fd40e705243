package io.partnerflow.app.benchmark;

import io.camunda.client.CamundaClient;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.support.OpenTaskSet;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.support.StaffTestData;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Prints (asserts nothing): the staff task list's page load with many open tasks — what the grid
 * asks for when the filter changes: one {@code TaskListService#rows} call, the engine's task search
 * answering the count with the page of 50, plus one variable search and one partner query for whom
 * each task is about. The row "count + page as two searches" is how the grid read it before (a
 * count search, then the page), for comparison. At the end the engine's SQL plans of the process
 * filter's page and count.
 *
 * <p>The tasks: {@link OpenTaskSet} (10 per instance, half the instances naming one of 50
 * partners).
 *
 * <p>{@code ./mvnw -B -pl app -am -Pbenchmark test -Dtest=TaskListPageBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, options {@code -Dbenchmark.tasks=10000
 * -Dbenchmark.pageLoads=200 -Dbenchmark.analyze=true} (ANALYZE the engine's task and variable
 * tables after making the tasks).
 */
@PartnerflowTest
class TaskListPageBenchmark {

  @Autowired CamundaClient client;
  @Autowired TaskListService tasks;
  @Autowired PartnerService partners;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  @Test
  void measure() throws Exception {
    int taskCount = Integer.getInteger("benchmark.tasks", 10_000);
    int pageLoads = Integer.getInteger("benchmark.pageLoads", 200);
    OpenTaskSet set = OpenTaskSet.make(client, partners, taskCount);
    String processId = set.processId();
    if (Boolean.getBoolean("benchmark.analyze")) {
      // fresh statistics; without, the planner knows the tables as autovacuum last saw them
      jdbc.sql("ANALYZE engine.user_task").update();
      jdbc.sql("ANALYZE engine.variable").update();
    }
    System.out.printf(
        "%nPartnerflow task list page benchmark on %d cores: %d open tasks made in %.1f s%n",
        Runtime.getRuntime().availableProcessors(), set.openTasks(), set.seconds());

    StaffTestData.loginAs(users, "manager");
    long total = tasks.search(query(processId, null), 0, 1).total();
    Random random = new Random(7);
    measure("first page, this process", pageLoads, i -> pageLoad(query(processId, null), 0));
    measure(
        "first page, this process, count + page as two searches",
        pageLoads,
        i -> {
          long started = System.nanoTime();
          tasks.search(query(processId, null), 0, 1);
          tasks.rows(query(processId, null), 0, 50);
          return System.nanoTime() - started;
        });
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
          tasks.search(query(processId, null), 0, 50);
          return System.nanoTime() - started;
        });
    measure(
        "company filter (one partner)",
        Math.min(pageLoads, 50),
        i -> pageLoad(query(processId, set.partnerName(7)), 0));
    List<Long> firstPageInstances =
        tasks.search(query(processId, null), 0, 50).items().stream()
            .map(task -> task.processInstanceKey())
            .distinct()
            .toList();
    SecurityContextHolder.clearContext();
    plans(processId, firstPageInstances);
  }

  /** One page load as the grid does it: the page of 50 rows with context, and the count. */
  private long pageLoad(TaskQuery query, int offset) {
    long started = System.nanoTime();
    var page = tasks.rows(query, offset, 50);
    if (page.total() < 0 || page.items().isEmpty()) {
      throw new IllegalStateException("An empty page at " + offset + " of " + page.total());
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
        "%-56s p50 %6.1f ms  p95 %6.1f ms  (%d loads, load average %.2f)%n",
        label,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.95)] / 1e6,
        loads,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** The engine's SQL for the process filter (as UserTaskRepository writes it), analysed. */
  private void plans(String processId, List<Long> instances) {
    String where =
        " FROM engine.user_task WHERE true AND state IN ('CREATED')"
            + " AND candidate_groups && CAST(ARRAY['partner-managers'] AS text[])"
            + " AND bpmn_process_id = '"
            + processId
            + "'";
    for (String sql :
        List.of(
            "SELECT *" + where + " ORDER BY due_date ASC NULLS LAST, key ASC LIMIT 50 OFFSET 0",
            "SELECT count(*) FROM (SELECT 1" + where + " LIMIT 10001) matches",
            // the context's variable search (VariableQueries): its count, then its page
            "SELECT count(*)" + variables(instances),
            "SELECT v.key, v.name, v.value, v.scope_key, v.process_instance_key, p.tenant_id"
                + variables(instances)
                + " ORDER BY v.key ASC LIMIT 600 OFFSET 0")) {
      System.out.printf(
          "%n%s%n    %s%n",
          sql,
          String.join(
              "\n    ", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list()));
    }
  }

  private static String variables(List<Long> instances) {
    return " FROM engine.variable v JOIN engine.process_instance p ON p.key ="
        + " v.process_instance_key WHERE v.process_instance_key IN ("
        + instances.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
        + ") AND v.name IN ('companyName', 'partnerName', 'partnerId')";
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
