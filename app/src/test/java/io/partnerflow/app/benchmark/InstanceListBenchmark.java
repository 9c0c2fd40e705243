package io.partnerflow.app.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.app.monitoring.InstancePage;
import io.partnerflow.app.monitoring.InstanceQuery;
import io.partnerflow.app.monitoring.InstanceSearchService;
import io.partnerflow.app.monitoring.InstanceState;
import io.partnerflow.app.monitoring.ProcessOverviewService;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.engine.state.FieldFilter;
import io.partnerflow.engine.state.ProcessInstanceQueries;
import io.partnerflow.engine.state.ProcessInstanceQueries.Criteria;
import io.partnerflow.engine.state.ProcessInstanceQueries.VariableCondition;
import io.partnerflow.engine.state.SearchPaging;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Prints (asserts nothing): the operations console's instance list with many instances — one page
 * load is what the grid asks for, the count (page limit 0) and a page of 50 — for the console's
 * filters (none, process, state, start-date range, partner name), the same search in the engine's
 * repository (SQL only, no HTTP), the load average, and the processes overview.
 *
 * <p>How the instances come about, honestly: {@code benchmark.clientInstances} (default 5,000) are
 * created through the Camunda client by 8 threads — a trivial process (start → end, completed at
 * once) and, one in ten, a process that waits in a user task (running), each with a {@code
 * partnerId} variable naming one of 50 partners. On the shared 2-core machine the client managed
 * about 55 instances/s, so the rest up to {@code benchmark.instances} (default 100,000) are copies
 * of the completed ones made in SQL: their rows in {@code engine.process_instance}, {@code
 * element_instance} and {@code variable} with shifted keys and earlier dates (completed instances
 * have no jobs, tasks or subscriptions, so a copy is as complete as the original).
 *
 * <p>{@code ./mvnw -B -pl app -am -Pbenchmark test -Dtest=InstanceListBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}, options {@code -Dbenchmark.instances=100000
 * -Dbenchmark.clientInstances=5000 -Dbenchmark.pageLoads=100}.
 */
@PartnerflowTest
class InstanceListBenchmark {

  @Autowired CamundaClient client;
  @Autowired InstanceSearchService search;
  @Autowired ProcessOverviewService overview;
  @Autowired PartnerService partners;
  @Autowired JdbcClient jdbc;

  /** The engine's own search, for the SQL-only figures (a benchmark may look inside). */
  @Autowired ProcessInstanceQueries queries;

  @Test
  void measure() throws Exception {
    int instanceCount = Integer.getInteger("benchmark.instances", 100_000);
    int clientCount =
        Math.min(instanceCount, Integer.getInteger("benchmark.clientInstances", 5_000));
    int pageLoads = Integer.getInteger("benchmark.pageLoads", 100);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String done = "bench-done-" + suffix;
    String waiting = "bench-wait-" + suffix;
    deploy(done, false);
    deploy(waiting, true);
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    long[] partnerIds = new long[50];
    String partnerName = "Bench Partner " + suffix;
    for (int i = 0; i < partnerIds.length; i++) {
      partnerIds[i] =
          partners.create(
              PartnerTestData.newPartner(
                  partnerName + " " + i, PartnerType.RESELLER, PartnerTier.SILVER));
    }
    SecurityContextHolder.clearContext();
    System.out.printf(
        "%nPartnerflow instance list benchmark on %d cores%n",
        Runtime.getRuntime().availableProcessors());

    long creating = System.nanoTime();
    AtomicLong failures = new AtomicLong();
    ExecutorService starters = Executors.newFixedThreadPool(8);
    for (int i = 0; i < clientCount; i++) {
      int n = i;
      starters.submit(
          () -> {
            try {
              client
                  .newCreateInstanceCommand()
                  .bpmnProcessId(n % 10 == 0 ? waiting : done)
                  .latestVersion()
                  .variables(Map.of("partnerId", partnerIds[n % partnerIds.length]))
                  .send()
                  .join();
            } catch (RuntimeException e) {
              failures.incrementAndGet();
            }
          });
    }
    starters.shutdown();
    starters.awaitTermination(2, TimeUnit.HOURS);
    System.out.printf(
        "created %d instances (%d failed) through the client in %.1f s%n",
        clientCount, failures.get(), (System.nanoTime() - creating) / 1e9);
    long copying = System.nanoTime();
    long copies = copyCompleted(done, instanceCount - clientCount);
    System.out.printf(
        "copied %d completed instances in SQL in %.1f s; the engine holds %d instances%n",
        copies,
        (System.nanoTime() - copying) / 1e9,
        jdbc.sql("SELECT count(*) FROM engine.process_instance").query(Long.class).single());
    jdbc.sql("ANALYZE engine.process_instance").update();
    jdbc.sql("ANALYZE engine.element_instance").update();
    jdbc.sql("ANALYZE engine.variable").update();

    Instant newest =
        jdbc.sql("SELECT max(start_date) FROM engine.process_instance")
            .query(java.sql.Timestamp.class)
            .single()
            .toInstant();
    Instant rangeFrom = newest.minus(4, ChronoUnit.HOURS);
    Instant rangeBefore = newest.minus(2, ChronoUnit.HOURS);
    System.out.printf("load average before measuring: %s%n", loadAverage());
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    try {
      Map<String, InstanceQuery> filters = new LinkedHashMap<>();
      filters.put("no filter", InstanceQuery.all());
      filters.put("by process (the completed one)", InstanceQuery.all().withProcess(done, null));
      filters.put("by state COMPLETED", InstanceQuery.all().withState(InstanceState.COMPLETED));
      filters.put("by state ACTIVE", InstanceQuery.all().withState(InstanceState.ACTIVE));
      filters.put(
          "by process + state ACTIVE",
          InstanceQuery.all().withProcess(waiting, null).withState(InstanceState.ACTIVE));
      filters.put(
          "by start-date range (2 of the copies' hours)",
          InstanceQuery.all().withStarted(rangeFrom, rangeBefore));
      filters.put(
          "by partner name (one of 50 partners)",
          InstanceQuery.all().withOwnerName(partnerName + " 7"));
      filters.put("has incident", InstanceQuery.all().withIncident(true));
      Map<String, Criteria> sqlOnly = new LinkedHashMap<>();
      sqlOnly.put("no filter", criteria(Map.of(), List.of()));
      sqlOnly.put(
          "by process (the completed one)",
          criteria(Map.of("processDefinitionId", FieldFilter.equalTo(done)), List.of()));
      sqlOnly.put(
          "by state COMPLETED",
          criteria(Map.of("state", FieldFilter.equalTo("COMPLETED")), List.of()));
      sqlOnly.put(
          "by state ACTIVE", criteria(Map.of("state", FieldFilter.equalTo("ACTIVE")), List.of()));
      sqlOnly.put(
          "by start-date range (2 of the copies' hours)",
          criteria(
              Map.of(
                  "startDate",
                  new FieldFilter<>(
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      java.time.OffsetDateTime.ofInstant(rangeFrom, java.time.ZoneOffset.UTC),
                      java.time.OffsetDateTime.ofInstant(rangeBefore, java.time.ZoneOffset.UTC),
                      null)),
              List.of()));
      sqlOnly.put(
          "by partner name (one of 50 partners)",
          criteria(
              Map.of(),
              List.of(
                  new VariableCondition(
                      "partnerId",
                      FieldFilter.oneOf(
                          List.of(String.valueOf(partnerIds[7]), "\"" + partnerIds[7] + "\""))))));
      Random random = new Random(42);
      for (Map.Entry<String, InstanceQuery> filter : filters.entrySet()) {
        InstancePage counted = search.search(filter.getValue(), 0, 0);
        long total = counted.total();
        long[] first = new long[pageLoads];
        long[] deep = new long[pageLoads];
        for (int i = 0; i < pageLoads; i++) {
          first[i] = pageLoad(filter.getValue(), 0);
          int pages = (int) Math.max(1, Math.min(total / 50, 2_000));
          deep[i] = pageLoad(filter.getValue(), random.nextInt(pages) * 50);
        }
        String matches = total + (counted.moreThanTotal() ? "+" : "");
        print("instance list, " + filter.getKey() + " (" + matches + " match), first page", first);
        print("instance list, " + filter.getKey() + ", a random page", deep);
        Criteria sql = sqlOnly.get(filter.getKey());
        if (sql != null) {
          long[] sqlFirst = new long[pageLoads];
          for (int i = 0; i < pageLoads; i++) {
            long started = System.nanoTime();
            queries.search(sql, new SearchPaging(NEWEST_FIRST, 0, 0));
            queries.search(sql, new SearchPaging(NEWEST_FIRST, 0, 50));
            sqlFirst[i] = System.nanoTime() - started;
          }
          print("  SQL only (engine repository), " + filter.getKey() + ", first page", sqlFirst);
        }
      }
      long[] overviews = new long[Math.max(5, pageLoads / 10)];
      for (int i = 0; i < overviews.length; i++) {
        long started = System.nanoTime();
        overview.overview(Instant.now().minus(7, ChronoUnit.DAYS));
        overviews[i] = System.nanoTime() - started;
      }
      print("processes overview (all deployed versions)", overviews);
    } finally {
      SecurityContextHolder.clearContext();
    }
    System.out.printf("load average after measuring: %s%n", loadAverage());
  }

  private static final List<SearchPaging.Sort> NEWEST_FIRST =
      List.of(new SearchPaging.Sort("startDate", true));

  private static Criteria criteria(
      Map<String, FieldFilter<?>> instance, List<VariableCondition> variables) {
    return new Criteria(instance, Map.of(), Map.of(), variables, List.of());
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Key columns shifted in a copy; every other column is copied as it is. */
  private static final Set<String> KEY_COLUMNS =
      Set.of("key", "process_instance_key", "flow_scope_key", "scope_key");

  /**
   * Copies the completed instances of {@code processId} in rounds (keys shifted by a billion per
   * round, far beyond what the key sequence reaches; dates an hour earlier per round) until {@code
   * wanted} copies exist.
   */
  private long copyCompleted(String processId, long wanted) {
    long copied = 0;
    long base =
        jdbc.sql("SELECT max(key) + 1 FROM engine.process_instance").query(Long.class).single();
    for (int round = 1; copied < wanted; round++) {
      long shift = round * 1_000_000_000L;
      String originals =
          "SELECT key FROM engine.process_instance WHERE bpmn_process_id = :process"
              + " AND state = 'COMPLETED' AND key < :base ORDER BY key LIMIT :limit";
      Map<String, Object> params =
          Map.of(
              "process",
              processId,
              "base",
              base,
              "limit",
              wanted - copied,
              "shift",
              shift,
              "round",
              round);
      long added =
          jdbc.sql(copy("process_instance", "key IN (" + originals + ")")).params(params).update();
      jdbc.sql(copy("element_instance", "process_instance_key IN (" + originals + ")"))
          .params(params)
          .update();
      jdbc.sql(copy("variable", "process_instance_key IN (" + originals + ")"))
          .params(params)
          .update();
      if (added == 0) {
        break;
      }
      copied += added;
    }
    return copied;
  }

  private String copy(String table, String where) {
    List<String> columns =
        jdbc.sql(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'engine'"
                    + " AND table_name = :table ORDER BY ordinal_position")
            .param("table", table)
            .query(String.class)
            .list();
    List<String> values =
        columns.stream()
            .map(
                column ->
                    KEY_COLUMNS.contains(column)
                        ? column + " + :shift"
                        : column.endsWith("_date")
                            ? column + " - make_interval(hours => :round)"
                            : column)
            .toList();
    return "INSERT INTO engine."
        + table
        + " ("
        + String.join(", ", columns)
        + ") SELECT "
        + String.join(", ", values)
        + " FROM engine."
        + table
        + " WHERE "
        + where;
  }

  private long pageLoad(InstanceQuery query, int offset) {
    long started = System.nanoTime();
    search.search(query, 0, 0); // the grid's count
    search.search(query, offset, 50);
    return System.nanoTime() - started;
  }

  private void deploy(String processId, boolean waits) {
    var start = Bpmn.createExecutableProcess(processId).name(processId).startEvent();
    var model =
        waits
            ? start
                .userTask("wait")
                .zeebeUserTask()
                .zeebeCandidateGroups("nobody")
                .endEvent()
                .done()
            : start.endEvent().done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
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
