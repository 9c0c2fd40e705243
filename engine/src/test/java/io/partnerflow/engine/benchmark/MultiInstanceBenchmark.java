package io.partnerflow.engine.benchmark;

import static io.partnerflow.engine.benchmark.ThroughputBenchmark.commits;
import static io.partnerflow.engine.benchmark.ThroughputBenchmark.jvmCpuNanos;
import static io.partnerflow.engine.benchmark.ThroughputBenchmark.percentile;
import static io.partnerflow.engine.benchmark.ThroughputBenchmark.postgresCpuNanos;
import static io.partnerflow.engine.benchmark.ThroughputBenchmark.postmasterPid;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.benchmark.ThroughputBenchmark.BenchmarkApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throughput of multi-instance with a boundary timer: N instances of start → a service task with a
 * parallel multi-instance over a collection of 10 items → a service task with an interrupting
 * boundary timer (P1D, never fires) → end; two job workers of the official client. Same set-up and
 * figures as {@link ThroughputBenchmark} (whose helpers it uses), plus jobs/s. Prints figures,
 * asserts nothing.
 *
 * <pre>
 * ./mvnw -B -pl engine -Pbenchmark test -Dtest=MultiInstanceBenchmark \
 *     -Dbenchmark.instances=500 -Dbenchmark.items=10 -Dbenchmark.starters=4 \
 *     -Dbenchmark.maxJobsActive=32 -Dbenchmark.workerThreads=4 -Dbenchmark.pool=10 \
 *     -Dbenchmark.synchronousCommit=on -Dbenchmark.warmup=100
 * </pre>
 */
class MultiInstanceBenchmark {

  @Test
  void measureMultiInstanceThroughput() throws Exception {
    int instances = Integer.getInteger("benchmark.instances", 500);
    int items = Integer.getInteger("benchmark.items", 10);
    int starters = Integer.getInteger("benchmark.starters", 4);
    int maxJobsActive = Integer.getInteger("benchmark.maxJobsActive", 32);
    int workerThreads = Integer.getInteger("benchmark.workerThreads", 4);
    int pool = Integer.getInteger("benchmark.pool", 10);
    String synchronousCommit = System.getProperty("benchmark.synchronousCommit", "on");
    int warmup = Integer.getInteger("benchmark.warmup", 100);
    long timeoutMillis = 600_000;

    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("synchronous_commit", synchronousCommit)
            .start()) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.setMaximumPoolSize(pool);
      BenchmarkApplication.dataSource = ThroughputBenchmark.counting(new HikariDataSource(config));
      try (ConfigurableApplicationContext context =
          new SpringApplicationBuilder(BenchmarkApplication.class)
              .initializers(
                  ctx ->
                      ctx.getBeanFactory()
                          .registerSingleton("dataSource", BenchmarkApplication.dataSource))
              .properties(
                  "server.port=0",
                  "spring.liquibase.enabled=false",
                  "spring.main.banner-mode=off",
                  "logging.level.root=WARN")
              .run()) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        JdbcClient jdbc = JdbcClient.create(BenchmarkApplication.dataSource);
        try (CamundaClient client = ThroughputBenchmark.client(port, workerThreads)) {
          Run warm = new Run(client, "mi-warmup", items, maxJobsActive);
          warm.execute(warmup, starters, timeoutMillis);
          warm.close();

          Run run = new Run(client, "mi-bench", items, maxJobsActive);
          long commitsBefore = commits(jdbc);
          long postmaster = postmasterPid(jdbc);
          long jvmCpuBefore = jvmCpuNanos();
          long pgCpuBefore = postgresCpuNanos(postmaster);
          ThroughputBenchmark.STATEMENTS.set(0);
          ThroughputBenchmark.Result result = run.execute(instances, starters, timeoutMillis);
          long statements = ThroughputBenchmark.STATEMENTS.get();
          long jvmCpu = jvmCpuNanos() - jvmCpuBefore;
          long pgCpu = postgresCpuNanos(postmaster) - pgCpuBefore;
          long commits = commits(jdbc) - commitsBefore;
          run.close();
          long completed =
              jdbc.sql(
                      "SELECT count(*) FROM engine.process_instance WHERE bpmn_process_id = ?"
                          + " AND state = 'COMPLETED'")
                  .param(run.processId)
                  .query(Long.class)
                  .single();
          List<Long> latencies = new ArrayList<>();
          jdbc.sql("SELECT key, created FROM engine.job WHERE bpmn_process_id = ?")
              .param(run.processId)
              .query(
                  rs -> {
                    Long activated = run.activatedAt.get(rs.getLong("key"));
                    if (activated != null) {
                      latencies.add(
                          activated
                              - rs.getObject("created", OffsetDateTime.class)
                                  .toInstant()
                                  .toEpochMilli());
                    }
                  });
          double seconds = (result.lastCompletionNanos() - result.firstStartNanos()) / 1e9;
          int cores = Runtime.getRuntime().availableProcessors();
          System.out.println();
          System.out.printf(
              "=== MultiInstanceBenchmark: start -> parallel multi-instance service task (%d items)"
                  + " -> service task with interrupting boundary timer -> end ===%n",
              items);
          System.out.printf(
              "cores %d | instances %d (completed %d) | starters %d | workers 2 x maxJobsActive %d,"
                  + " %d handler threads | pool %d | synchronous_commit %s%n",
              cores,
              instances,
              completed,
              starters,
              maxJobsActive,
              workerThreads,
              pool,
              synchronousCommit);
          System.out.printf(
              "throughput: %.1f instances/s, %.1f jobs/s (%d jobs; %.2f s from first start to last"
                  + " completion)%n",
              instances / seconds, latencies.size() / seconds, latencies.size(), seconds);
          System.out.printf(
              "job latency created->activated (engine): p50 %d ms, p99 %d ms, max %d ms%n",
              percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
          System.out.printf(
              "database: %.1f SQL statements and %.1f commits per instance%n",
              statements / (double) instances, commits / (double) instances);
          double cpuMs = (jvmCpu + pgCpu) / 1e6 / instances;
          System.out.printf(
              "cpu per instance: %.2f ms JVM + %.2f ms PostgreSQL = %.2f ms; CPU-bound ceiling on %d"
                  + " idle cores: %.0f instances/s%n",
              jvmCpu / 1e6 / instances,
              pgCpu / 1e6 / instances,
              cpuMs,
              cores,
              cores * 1000 / cpuMs);
          System.out.printf(
              "machine load during the run: %.1f (load average over 1 min, %d cores)%n",
              java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  .getSystemLoadAverage(),
              cores);
          System.out.println("===");
        }
      }
    }
  }

  /** One process, its two workers, and the activation times they record. */
  private static final class Run {

    private static final long JOB_TIMEOUT_MILLIS = 300_000;

    final String processId;
    final Map<Long, Long> activatedAt = new ConcurrentHashMap<>();
    private final CamundaClient client;
    private final List<Object> collection;
    private final List<JobWorker> workers = new ArrayList<>();
    private final AtomicLong lastCompletion = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private CountDownLatch completions;

    Run(CamundaClient client, String name, int items, int maxJobsActive) {
      this.client = client;
      this.processId = name + "-" + System.nanoTime();
      this.collection = IntStream.rangeClosed(1, items).boxed().map(i -> (Object) i).toList();
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(processId)
                  .startEvent()
                  .serviceTask(
                      "each",
                      t ->
                          t.zeebeJobType(processId + "-each")
                              .multiInstance(
                                  m ->
                                      m.parallel()
                                          .zeebeInputCollectionExpression("items")
                                          .zeebeInputElement("item")))
                  .serviceTask("guarded", t -> t.zeebeJobType(processId + "-guarded"))
                  .boundaryEvent("deadline")
                  .timerWithDuration("P1D")
                  .endEvent("late")
                  .moveToActivity("guarded")
                  .endEvent()
                  .done(),
              processId + ".bpmn")
          .send()
          .join();
      workers.add(worker("each", maxJobsActive, false));
      workers.add(worker("guarded", maxJobsActive, true));
    }

    private JobWorker worker(String task, int maxJobsActive, boolean last) {
      return client
          .newWorker()
          .jobType(processId + "-" + task)
          .handler(
              (jobClient, job) -> {
                record(job);
                // non-blocking, as the Spring SDK's auto-completion does
                jobClient
                    .newCompleteCommand(job)
                    .send()
                    .whenComplete(
                        (ok, failure) -> {
                          if (failure != null) {
                            failures.incrementAndGet();
                          } else if (last) {
                            lastCompletion.set(System.nanoTime());
                            completions.countDown();
                          }
                        });
              })
          .maxJobsActive(maxJobsActive)
          .timeout(Duration.ofMillis(JOB_TIMEOUT_MILLIS))
          .name("mi-bench-" + task)
          .open();
    }

    private void record(ActivatedJob job) {
      activatedAt.put(job.getKey(), job.getDeadline() - JOB_TIMEOUT_MILLIS);
    }

    ThroughputBenchmark.Result execute(int instances, int starters, long timeoutMillis)
        throws Exception {
      completions = new CountDownLatch(instances);
      ExecutorService pool = Executors.newFixedThreadPool(starters);
      long first = System.nanoTime();
      List<Future<Integer>> futures = new ArrayList<>();
      for (int s = 0; s < starters; s++) {
        int share = instances / starters + (s < instances % starters ? 1 : 0);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < share; i++) {
                    client
                        .newCreateInstanceCommand()
                        .bpmnProcessId(processId)
                        .latestVersion()
                        .variables(Map.of("items", collection, "partnerId", "p-" + i))
                        .send()
                        .join();
                  }
                  return share;
                }));
      }
      int started = 0;
      for (Future<Integer> future : futures) {
        started += future.get();
      }
      pool.shutdown();
      if (!completions.await(timeoutMillis, TimeUnit.MILLISECONDS) || failures.get() > 0) {
        System.out.printf("!! %d job completions failed%n", failures.get());
        System.out.printf(
            "!! only %d of %d instances completed in time%n",
            instances - completions.getCount(), instances);
      }
      return new ThroughputBenchmark.Result(first, lastCompletion.get(), started);
    }

    void close() {
      workers.forEach(JobWorker::close);
    }
  }
}
