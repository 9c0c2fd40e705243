package io.partnerflow.engine.benchmark;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.scenario.EngineScenarioTest;
import io.partnerflow.engine.state.UserTaskQuery;
import io.partnerflow.engine.state.UserTaskQuery.Criterion;
import io.partnerflow.engine.state.UserTaskQuery.Field;
import io.partnerflow.engine.state.UserTaskQuery.Operator;
import io.partnerflow.engine.state.UserTaskRepository;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Task list benchmark (prints figures, asserts nothing about time): with many open user tasks
 * spread over candidate groups, how long does the official client wait for "open tasks of candidate
 * group X, sorted by due date, page of 50"?
 *
 * <p>Run: {@code ./mvnw -B -pl engine -Pbenchmark test -Dtest=TaskListBenchmark}. Settings: {@code
 * -Dbenchmark.tasks=100000} open tasks, {@code -Dbenchmark.groups=5}, {@code
 * -Dbenchmark.searches=300}, {@code -Dbenchmark.clientTasks=2000} tasks always created through the
 * client (process instances started in parallel), {@code -Dbenchmark.clientBudgetSeconds=180}: if
 * creating all tasks through the client would take longer (projected from the first ones), the rest
 * is inserted in bulk with SQL into the engine's own tables, in the shape the engine writes them
 * (instance, element instances, task), and the output says so.
 */
class TaskListBenchmark extends EngineScenarioTest {

  private static final int PAGE = 50;

  @Autowired JdbcClient jdbc;

  @Autowired PlatformTransactionManager transactions;

  @Autowired UserTaskRepository userTasks;

  @Test
  void searchOpenTasksOfCandidateGroupSortedByDueDate() throws Exception {
    int tasks = Integer.getInteger("benchmark.tasks", 100_000);
    int groupCount = Integer.getInteger("benchmark.groups", 5);
    int searches = Integer.getInteger("benchmark.searches", 300);
    // a platform that has run a while: C2 has compiled the search path (tiered JIT, the default)
    int warmupSearches = Integer.getInteger("benchmark.warmupSearches", 2_000);
    int clientTasks = Math.min(tasks, Integer.getInteger("benchmark.clientTasks", 2_000));
    int budgetSeconds = Integer.getInteger("benchmark.clientBudgetSeconds", 180);
    String run = unique("bench");
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      groups.add(run + "-G" + i);
    }
    String processId = run + "-task";
    long definitionKey =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("start")
                .userTask(
                    "work",
                    t ->
                        t.name("Work item")
                            .zeebeUserTask()
                            .zeebeCandidateGroupsExpression("groups")
                            .zeebeDueDateExpression("due")
                            .zeebeTaskPriorityExpression("priority"))
                .endEvent()
                .done());
    OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);

    line(
        "Task list benchmark: %,d open user tasks, %d candidate groups, %d searches",
        tasks, groupCount, searches);
    line(
        "machine: %d cores (Runtime.availableProcessors), load average %s, embedded"
            + " PostgreSQL, engine and client in one JVM",
        Runtime.getRuntime().availableProcessors(), loadAverage());

    // 1. through the client, in parallel
    int threads = 8;
    long clientStart = System.nanoTime();
    int created = createThroughClient(processId, groups, base, 0, clientTasks, threads);
    double clientSeconds = (System.nanoTime() - clientStart) / 1e9;
    double rate = created / clientSeconds;
    line(
        "created %,d tasks through the client (%d threads) in %.1f s: %.0f instances/s",
        created, threads, clientSeconds, rate);
    int remaining = tasks - created;
    if (remaining > 0) {
      double projected = remaining / rate;
      if (projected <= budgetSeconds) {
        long start = System.nanoTime();
        created += createThroughClient(processId, groups, base, created, remaining, threads);
        line(
            "created the other %,d through the client in %.1f s",
            remaining, (System.nanoTime() - start) / 1e9);
      } else {
        long start = System.nanoTime();
        insertInBulk(definitionKey, processId, groups, base, created, remaining);
        created += remaining;
        line(
            "creating the other %,d through the client would take ~%.0f s (> %d s budget):"
                + " INSERTED THEM IN BULK WITH SQL into engine.process_instance/element_instance/"
                + "user_task in %.1f s (no process variables for those)",
            remaining, projected, budgetSeconds, (System.nanoTime() - start) / 1e9);
      }
    }
    // what autovacuum does in a running system, done now so that the figures show steady state
    jdbc.sql("VACUUM ANALYZE engine.user_task").update();
    jdbc.sql("VACUUM ANALYZE engine.user_task_open_group").update();
    long open =
        jdbc.sql("SELECT count(*) FROM engine.user_task WHERE state = 'CREATED'")
            .query(Long.class)
            .single();
    line("open user tasks in the database: %,d (tables vacuumed and analysed)", open);

    // 2. warm-up, then the measured searches through the client
    for (int i = 0; i < warmupSearches; i++) {
      search(groups.get(i % groupCount));
    }
    long[] nanos = new long[searches];
    long totalItems = 0;
    int capped = 0;
    String jfrFile = System.getProperty("benchmark.jfr", "");
    jdk.jfr.Recording recording = jfrFile.isEmpty() ? null : BenchmarkEngine.startRecording();
    Map<String, Long> threadsBefore = BenchmarkEngine.threadCpuNanos();
    long cpuBefore = processCpuNanos();
    for (int i = 0; i < searches; i++) {
      String group = groups.get(i % groupCount);
      long start = System.nanoTime();
      SearchResponse<UserTask> page = search(group);
      nanos[i] = System.nanoTime() - start;
      if (page.items().size() != PAGE) {
        throw new IllegalStateException("Expected a full page, got " + page.items().size());
      }
      totalItems += page.page().totalItems();
      capped += Boolean.TRUE.equals(page.page().hasMoreTotalItems()) ? 1 : 0;
    }
    long cpuUsed = processCpuNanos() - cpuBefore;
    Map<String, Long> threadsUsed =
        BenchmarkEngine.since(BenchmarkEngine.threadCpuNanos(), threadsBefore);
    if (recording != null) {
      recording.stop();
      recording.dump(java.nio.file.Path.of(jfrFile));
      recording.close();
      line("JFR recording of the measured client searches: %s", jfrFile);
    }
    Arrays.sort(nanos);
    line("load average after the searches: %s", loadAverage());
    line(
        "JVM CPU per search (engine and client in this JVM, %s): %.2f ms; by thread: %s",
        BenchmarkEngine.jit(),
        ms(cpuUsed / searches),
        BenchmarkEngine.perInstance(threadsUsed, searches));
    line("search \"candidate group X, state CREATED, sort dueDate asc, page 50\" via the client:");
    line(
        "  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d, avg totalItems %,d,"
            + " hasMoreTotalItems in %d)",
        ms(percentile(nanos, 50)),
        ms(percentile(nanos, 95)),
        ms(percentile(nanos, 99)),
        ms(nanos[nanos.length - 1]),
        searches,
        totalItems / searches,
        capped);

    // 3. where the time goes: the same search in the engine's repository (database only, with
    // the count), and a trivial client round trip (GET one task) for the HTTP/client share
    long[] repository = new long[searches];
    for (int i = 0; i < searches; i++) {
      UserTaskQuery query =
          new UserTaskQuery(
              List.of(
                  new Criterion(
                      Field.CANDIDATE_GROUP, Operator.EQ, List.of(groups.get(i % groupCount))),
                  new Criterion(Field.STATE, Operator.EQ, List.of("CREATED"))),
              Field.DUE_DATE,
              false,
              0,
              PAGE,
              null,
              null);
      long start = System.nanoTime();
      userTasks.search(query);
      repository[i] = System.nanoTime() - start;
    }
    Arrays.sort(repository);
    line(
        "  same search in the repository (SQL page + count, no HTTP): p50 %.1f ms, p95 %.1f ms,"
            + " p99 %.1f ms",
        ms(percentile(repository, 50)),
        ms(percentile(repository, 95)),
        ms(percentile(repository, 99)));
    line(
        "  its parts alone: the group's total from its counters p50 %.1f ms, the capped count"
            + " of 10,001 open-group rows it replaced p50 %.1f ms, a SELECT 1 round trip p50 %.1f"
            + " ms",
        ms(
            median(
                searches,
                () -> jdbc.sql(COUNTER_SUM).param(groups.get(0)).query(Long.class).single())),
        ms(
            median(
                searches,
                () ->
                    jdbc.sql(CAPPED_COUNT)
                        .param(groups.get(0))
                        .param(10_001)
                        .query(Long.class)
                        .single())),
        ms(median(searches, () -> jdbc.sql("SELECT 1").query(Integer.class).single())));
    long anyTask = search(groups.get(0)).items().get(0).getUserTaskKey();
    long[] roundTrip = new long[searches];
    for (int i = 0; i < searches; i++) {
      long start = System.nanoTime();
      client.newUserTaskGetRequest(anyTask).send().join();
      roundTrip[i] = System.nanoTime() - start;
    }
    Arrays.sort(roundTrip);
    line(
        "  trivial client round trip (GET one user task) for comparison: p50 %.1f ms,"
            + " p95 %.1f ms, p99 %.1f ms",
        ms(percentile(roundTrip, 50)),
        ms(percentile(roundTrip, 95)),
        ms(percentile(roundTrip, 99)));
    long[] raw = rawSearches(groups, searches);
    line(
        "  the same search as a plain HTTP POST (JDK HttpClient, answer read as text, %,d bytes):"
            + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
        rawAnswerBytes, ms(percentile(raw, 50)), ms(percentile(raw, 95)), ms(percentile(raw, 99)));
    line("load average at the end: %s", loadAverage());
    String plan =
        String.join(
            "\n    ",
            jdbc.sql(
                    "EXPLAIN (ANALYZE, BUFFERS) SELECT key FROM engine.user_task WHERE state IN"
                        + " ('CREATED') AND candidate_groups @> CAST(ARRAY[?] AS text[])"
                        + " ORDER BY due_date ASC NULLS LAST, key ASC LIMIT 50")
                .param(groups.get(0))
                .query(String.class)
                .list());
    String countPlan =
        String.join(
            "\n    ",
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + COUNTER_SUM)
                .param(groups.get(0))
                .query(String.class)
                .list());
    line("page query plan:\n    %s", plan);
    line("count query plan:\n    %s", countPlan);
  }

  private static final String COUNTER_SUM =
      "SELECT COALESCE(sum(open_tasks), 0) FROM engine.user_task_open_group_count"
          + " WHERE group_name = ?";

  private static final String CAPPED_COUNT =
      "SELECT count(*) FROM (SELECT task_key FROM engine.user_task_open_group"
          + " WHERE group_name = ? ORDER BY group_name, task_key LIMIT ?) matches";

  private int rawAnswerBytes;

  /**
   * The search the client sends, as a plain HTTP POST whose answer is read as text: the engine's
   * and HTTP's share without the client's request building and answer parsing.
   */
  private long[] rawSearches(List<String> groups, int searches) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    String auth =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (USERNAME + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long[] nanos = new long[searches];
    for (int i = -30; i < searches; i++) {
      String body =
          "{\"filter\":{\"candidateGroup\":\"%s\",\"state\":\"CREATED\"},"
                  .formatted(groups.get(Math.floorMod(i, groups.size())))
              + "\"sort\":[{\"field\":\"dueDate\",\"order\":\"ASC\"}],"
              + "\"page\":{\"from\":0,\"limit\":50}}";
      java.net.http.HttpRequest request =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://127.0.0.1:" + port + "/v2/user-tasks/search"))
              .header("Content-Type", "application/json")
              .header("Authorization", auth)
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
              .build();
      long start = System.nanoTime();
      java.net.http.HttpResponse<String> response =
          http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      rawAnswerBytes = response.body().length();
      if (i >= 0) {
        nanos[i] = took;
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long median(int runs, Runnable action) {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      action.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return percentile(nanos, 50);
  }

  private SearchResponse<UserTask> search(String group) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup(group).state(UserTaskState.CREATED))
        .sort(s -> s.dueDate().asc())
        .page(p -> p.from(0).limit(PAGE))
        .send()
        .join();
  }

  private int createThroughClient(
      String processId,
      List<String> groups,
      OffsetDateTime base,
      int offset,
      int count,
      int threads)
      throws Exception {
    AtomicInteger next = new AtomicInteger(offset);
    int end = offset + count;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  int mine = 0;
                  for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("groups", groupsOf(groups, i));
                    OffsetDateTime due = dueOf(base, i);
                    variables.put("due", due == null ? null : due.toString());
                    variables.put("priority", i % 101);
                    start(processId, variables);
                    mine++;
                  }
                  return mine;
                }));
      }
      int created = 0;
      for (Future<Integer> f : done) {
        created += f.get();
      }
      return created;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Task i: one group, every tenth task a second one. */
  private static List<String> groupsOf(List<String> groups, int i) {
    String first = groups.get(i % groups.size());
    return i % 10 == 0 ? List.of(first, groups.get((i + 1) % groups.size())) : List.of(first);
  }

  /** Due dates spread over a year (minute resolution); every twentieth task has none. */
  private static OffsetDateTime dueOf(OffsetDateTime base, int i) {
    return i % 20 == 0 ? null : base.plusMinutes((i * 7919L) % 525_600);
  }

  /** The same rows the engine writes for an instance waiting at the user task, set-based. */
  private void insertInBulk(
      long definitionKey,
      String processId,
      List<String> groups,
      OffsetDateTime base,
      int offset,
      int count) {
    int batch = 10_000;
    TransactionTemplate tx = new TransactionTemplate(transactions);
    for (int from = offset; from < offset + count; from += batch) {
      int first = from;
      int last = Math.min(offset + count, from + batch) - 1;
      tx.executeWithoutResult(
          status -> insertBatch(definitionKey, processId, groups, base, first, last));
    }
  }

  private void insertBatch(
      long definitionKey,
      String processId,
      List<String> groups,
      OffsetDateTime base,
      int from,
      int to) {
    {
      jdbc.sql(
              """
              CREATE TEMP TABLE bench_rows ON COMMIT DROP AS
              SELECT nextval('engine.key_seq') AS b, g AS i
              FROM generate_series(:from, :to) g
              """)
          .param("from", from)
          .param("to", to)
          .update();
      jdbc.sql(
              """
              INSERT INTO engine.process_instance
                (key, process_definition_key, bpmn_process_id, version, tenant_id, state,
                 start_date)
              SELECT b, :def, :pid, 1, '<default>', 'ACTIVE', now() FROM bench_rows
              """)
          .param("def", definitionKey)
          .param("pid", processId)
          .update();
      jdbc.sql(
              """
              INSERT INTO engine.element_instance
                (key, process_instance_key, flow_scope_key, element_id, element_type, state,
                 start_date, end_date)
              SELECT b, b, NULL, :pid, 'PROCESS', 'ACTIVE', now(), NULL FROM bench_rows
              UNION ALL
              SELECT b + 1, b, b, 'start', 'START_EVENT', 'COMPLETED', now(), now() FROM bench_rows
              UNION ALL
              SELECT b + 2, b, b, 'work', 'USER_TASK', 'ACTIVE', now(), NULL FROM bench_rows
              """)
          .param("pid", processId)
          .update();
      jdbc.sql(
              """
              INSERT INTO engine.user_task
                (key, state, element_id, element_instance_key, process_instance_key,
                 process_definition_key, bpmn_process_id, process_definition_version, name,
                 candidate_groups, candidate_users, creation_date, due_date, priority,
                 custom_headers, tenant_id)
              SELECT b + 3, 'CREATED', 'work', b + 2, b, :def, :pid, 1, 'Work item',
                CASE WHEN i % 10 = 0
                  THEN ARRAY[(CAST(:groups AS text[]))[i % :n + 1],
                             (CAST(:groups AS text[]))[(i + 1) % :n + 1]]
                  ELSE ARRAY[(CAST(:groups AS text[]))[i % :n + 1]] END,
                '{}', now(),
                CASE WHEN i % 20 = 0 THEN NULL
                  ELSE CAST(:base AS timestamptz) + ((CAST(i AS bigint) * 7919) % 525600) * interval '1 minute'
                END,
                i % 101, '{}', '<default>'
              FROM bench_rows
              """)
          .param("def", definitionKey)
          .param("pid", processId)
          .param("groups", "{" + String.join(",", groups) + "}")
          .param("n", groups.size())
          .param("base", base)
          .update();
      jdbc.sql(
              """
              INSERT INTO engine.user_task_open_group (group_name, task_key)
              SELECT DISTINCT unnest(t.candidate_groups), t.key
              FROM engine.user_task t JOIN bench_rows r ON t.key = r.b + 3
              """)
          .update();
      jdbc.sql(
              """
              INSERT INTO engine.user_task_open_group_count AS c (group_name, stripe, open_tasks)
              SELECT g.group_name, CAST(g.task_key % 16 AS integer), count(*)
              FROM engine.user_task_open_group g JOIN bench_rows r ON g.task_key = r.b + 3
              GROUP BY 1, 2
              ON CONFLICT (group_name, stripe)
              DO UPDATE SET open_tasks = c.open_tasks + EXCLUDED.open_tasks
              """)
          .update();
      jdbc.sql(
              """
              INSERT INTO engine.user_task_open_process_count AS c
                (bpmn_process_id, group_name, stripe, open_tasks)
              SELECT t.bpmn_process_id, g.group_name, CAST(g.task_key % 16 AS integer), count(*)
              FROM engine.user_task_open_group g JOIN bench_rows r ON g.task_key = r.b + 3
              JOIN engine.user_task t ON t.key = g.task_key
              GROUP BY 1, 2, 3
              ON CONFLICT (bpmn_process_id, group_name, stripe)
              DO UPDATE SET open_tasks = c.open_tasks + EXCLUDED.open_tasks
              """)
          .update();
      jdbc.sql("DROP TABLE IF EXISTS bench_rows").update();
    }
  }

  /** The 1/5/15-minute load averages (other processes share the cores), when Linux tells. */
  private static String loadAverage() {
    try {
      String[] parts =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void line(String format, Object... args) {
    System.out.println("[TaskListBenchmark] " + String.format(Locale.ROOT, format, args));
  }
}
