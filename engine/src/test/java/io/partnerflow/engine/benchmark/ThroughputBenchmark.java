package io.partnerflow.engine.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throughput of the embedded engine: N instances of start → 3 service tasks → end, three job
 * workers of the official client (one per task type), instances started by parallel client threads;
 * engine, client and embedded PostgreSQL in this one JVM. Prints figures, asserts nothing.
 *
 * <pre>
 * ./mvnw -B -pl engine -Pbenchmark test -Dtest=ThroughputBenchmark \
 *     -Dbenchmark.instances=2000 -Dbenchmark.starters=4 -Dbenchmark.maxJobsActive=32 \
 *     -Dbenchmark.workerThreads=4 -Dbenchmark.pool=10 -Dbenchmark.synchronousCommit=on \
 *     -Dbenchmark.jfr=/tmp/run.jfr -Dbenchmark.statements=true
 * </pre>
 *
 * <p>{@code synchronousCommit}: {@code on} (PostgreSQL's default, every commit waits for its WAL
 * flush) or {@code off} (commits return before the flush: a crash may lose the last few hundred ms
 * of commits, never consistency; io.zonky's embedded PostgreSQL uses {@code off} by default).
 *
 * <p>Job latency: created → activated is measured in the engine (the job row's {@code created} vs.
 * its activation, {@code deadline - timeout}); created → handler is when the worker's handler saw
 * it (same JVM, same clock).
 */
class ThroughputBenchmark {

  private static final String USER = "partnerflow";

  static final AtomicLong STATEMENTS = new AtomicLong();

  /** SQL text → executions, only with {@code -Dbenchmark.statements=true}. */
  private static final Map<String, AtomicLong> STATEMENT_COUNTS = new ConcurrentHashMap<>();

  private static final boolean COUNT_BY_TEXT = Boolean.getBoolean("benchmark.statements");

  @Test
  void measureThroughput() throws Exception {
    int instances = Integer.getInteger("benchmark.instances", 2000);
    int starters = Integer.getInteger("benchmark.starters", 4);
    int maxJobsActive = Integer.getInteger("benchmark.maxJobsActive", 32);
    int workerThreads = Integer.getInteger("benchmark.workerThreads", 4);
    int pool = Integer.getInteger("benchmark.pool", 10);
    String synchronousCommit = System.getProperty("benchmark.synchronousCommit", "on");
    int warmup = Integer.getInteger("benchmark.warmup", 500);
    String jfrFile = System.getProperty("benchmark.jfr", "");
    long timeoutMillis = 300_000;

    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("synchronous_commit", synchronousCommit)
            .start()) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.setMaximumPoolSize(pool);
      BenchmarkApplication.dataSource = counting(new HikariDataSource(config));
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
        try (CamundaClient client = client(port, workerThreads)) {
          Run warm = new Run(client, "warmup", maxJobsActive);
          warm.execute(warmup, starters, timeoutMillis);
          warm.close();

          long postmaster = postmasterPid(jdbc);
          double idleMillisPerSecond = idleCpuMillisPerSecond(postmaster);
          Run run = new Run(client, "bench", maxJobsActive);
          long commitsBefore = commits(jdbc);
          long jvmCpuBefore = jvmCpuNanos();
          long pgCpuBefore = postgresCpuNanos(postmaster);
          STATEMENTS.set(0);
          STATEMENT_COUNTS.clear();
          Recording recording = jfrFile.isEmpty() ? null : startRecording();
          Result result = run.execute(instances, starters, timeoutMillis);
          long statements = STATEMENTS.get();
          long jvmCpu = jvmCpuNanos() - jvmCpuBefore;
          long pgCpu = postgresCpuNanos(postmaster) - pgCpuBefore;
          if (recording != null) {
            recording.dump(java.nio.file.Path.of(jfrFile));
            recording.close();
          }
          long commits = commits(jdbc) - commitsBefore;
          run.close();
          long completed =
              jdbc.sql(
                      "SELECT count(*) FROM engine.process_instance WHERE bpmn_process_id = ?"
                          + " AND state = 'COMPLETED'")
                  .param(run.processId)
                  .query(Long.class)
                  .single();
          List<Long> engineLatencies = new ArrayList<>();
          List<Long> handlerLatencies = new ArrayList<>();
          jdbc.sql("SELECT key, created FROM engine.job WHERE bpmn_process_id = ?")
              .param(run.processId)
              .query(
                  rs -> {
                    long key = rs.getLong("key");
                    long created =
                        rs.getObject("created", OffsetDateTime.class).toInstant().toEpochMilli();
                    Long activated = run.activatedAt.get(key);
                    Long handled = run.handledAt.get(key);
                    if (activated != null) {
                      engineLatencies.add(activated - created);
                    }
                    if (handled != null) {
                      handlerLatencies.add(handled - created);
                    }
                  });
          print(
              instances,
              starters,
              maxJobsActive,
              workerThreads,
              pool,
              synchronousCommit,
              result,
              completed,
              engineLatencies,
              handlerLatencies,
              statements,
              commits,
              jvmCpu,
              pgCpu,
              idleMillisPerSecond);
        }
      }
    }
  }

  /**
   * {@code -Dbenchmark.jfr=file.jfr}: a JFR recording of the measured run only (not start-up or
   * warm-up), with method samples every 2 ms.
   */
  private static Recording startRecording() throws Exception {
    Map<String, String> settings =
        new java.util.HashMap<>(Configuration.getConfiguration("profile").getSettings());
    settings.put("jdk.ExecutionSample#period", "2 ms");
    settings.put("jdk.NativeMethodSample#period", "2 ms");
    Recording recording = new Recording(settings);
    recording.start();
    return recording;
  }

  static long commits(JdbcClient jdbc) {
    return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
        .query(Long.class)
        .single();
  }

  static CamundaClient client(int port, int workerThreads) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .grpcAddress(URI.create("http://127.0.0.1:26500"))
        .preferRestOverGrpc(true)
        .numJobWorkerExecutionThreads(workerThreads)
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .username(USER)
                .password(USER)
                .applyEnvironmentOverrides(false)
                .build())
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  record Result(long firstStartNanos, long lastCompletionNanos, int started) {}

  /** One process with three task types, its workers, and the timestamps they record. */
  private static final class Run {

    private static final long JOB_TIMEOUT_MILLIS = 300_000;

    final String processId;
    final Map<Long, Long> activatedAt = new ConcurrentHashMap<>();
    final Map<Long, Long> handledAt = new ConcurrentHashMap<>();
    private final CamundaClient client;
    private final List<JobWorker> workers = new ArrayList<>();
    private final AtomicLong lastCompletion = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    private CountDownLatch completions;

    Run(CamundaClient client, String name, int maxJobsActive) {
      this.client = client;
      this.processId = name + "-" + System.nanoTime();
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(processId)
                  .startEvent()
                  .serviceTask("t1", t -> t.zeebeJobType(processId + "-1"))
                  .serviceTask("t2", t -> t.zeebeJobType(processId + "-2"))
                  .serviceTask("t3", t -> t.zeebeJobType(processId + "-3"))
                  .endEvent()
                  .done(),
              processId + ".bpmn")
          .send()
          .join();
      for (int i = 1; i <= 3; i++) {
        boolean last = i == 3;
        workers.add(
            client
                .newWorker()
                .jobType(processId + "-" + i)
                .handler(
                    (jobClient, job) -> {
                      record(job);
                      // non-blocking, as the Spring SDK's auto-completion does: handler threads
                      // do not wait for the engine's answer
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
                .name("bench-" + i)
                .open());
      }
    }

    private void record(ActivatedJob job) {
      handledAt.put(job.getKey(), System.currentTimeMillis());
      activatedAt.put(job.getKey(), job.getDeadline() - JOB_TIMEOUT_MILLIS);
    }

    Result execute(int instances, int starters, long timeoutMillis) throws Exception {
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
                        .variables(Map.of("partnerId", "p-" + i, "tier", "gold"))
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
      return new Result(first, lastCompletion.get(), started);
    }

    void close() {
      workers.forEach(JobWorker::close);
    }
  }

  private static void print(
      int instances,
      int starters,
      int maxJobsActive,
      int workerThreads,
      int pool,
      String synchronousCommit,
      Result result,
      long completed,
      List<Long> engineLatencies,
      List<Long> handlerLatencies,
      long statements,
      long commits,
      long jvmCpuNanos,
      long postgresCpuNanos,
      double idleMillisPerSecond) {
    double seconds = (result.lastCompletionNanos() - result.firstStartNanos()) / 1e9;
    System.out.println();
    System.out.println("=== ThroughputBenchmark: start -> 3 service tasks -> end ===");
    System.out.printf(
        "cores %d | instances %d (completed %d) | starters %d | workers 3 x maxJobsActive %d,"
            + " %d handler threads | pool %d | synchronous_commit %s%n",
        Runtime.getRuntime().availableProcessors(),
        instances,
        completed,
        starters,
        maxJobsActive,
        workerThreads,
        pool,
        synchronousCommit);
    System.out.printf(
        "throughput: %.1f instances/s (%.2f s from first start to last completion)%n",
        instances / seconds, seconds);
    System.out.printf(
        "job latency created->activated (engine): p50 %d ms, p99 %d ms, max %d ms (%d jobs)%n",
        percentile(engineLatencies, 50),
        percentile(engineLatencies, 99),
        percentile(engineLatencies, 100),
        engineLatencies.size());
    System.out.printf(
        "job latency created->handler (worker):   p50 %d ms, p99 %d ms, max %d ms%n",
        percentile(handlerLatencies, 50),
        percentile(handlerLatencies, 99),
        percentile(handlerLatencies, 100));
    System.out.printf(
        "database: %.1f SQL statements and %.1f commits per instance (4 commands + 3 activations)%n",
        statements / (double) instances, commits / (double) instances);
    double jvmMs = jvmCpuNanos / 1e6 / instances;
    double pgMs = postgresCpuNanos / 1e6 / instances;
    System.out.printf(
        "cpu per instance: %.2f ms JVM (engine + client + workers) + %.2f ms PostgreSQL = %.2f ms;"
            + " CPU-bound ceiling on %d idle cores: %.0f instances/s%n",
        jvmMs,
        pgMs,
        jvmMs + pgMs,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().availableProcessors() * 1000 / (jvmMs + pgMs));
    System.out.printf(
        "of which background (engine idle, no workers: scheduler, long-poll sweeps, LISTEN):"
            + " %.1f ms/s, i.e. %.2f ms per instance at this throughput%n",
        idleMillisPerSecond, idleMillisPerSecond * seconds / instances);
    System.out.printf(
        "machine load during the run: %.1f (load average over 1 min, %d cores)%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    if (COUNT_BY_TEXT) {
      System.out.println("statements per instance, by SQL text:");
      STATEMENT_COUNTS.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
          .forEach(
              e ->
                  System.out.printf(
                      "  %6.2f  %s%n",
                      e.getValue().get() / (double) instances, e.getKey().replaceAll("\\s+", " ")));
    }
    System.out.println("===");
  }

  /**
   * CPU (JVM + PostgreSQL) of the engine doing nothing, per second: the fixed cost that the
   * per-instance figure includes in proportion to the run's duration.
   */
  private static double idleCpuMillisPerSecond(long postmaster) throws InterruptedException {
    Thread.sleep(1_000);
    long before = jvmCpuNanos() + postgresCpuNanos(postmaster);
    long start = System.nanoTime();
    Thread.sleep(5_000);
    long cpu = jvmCpuNanos() + postgresCpuNanos(postmaster) - before;
    return cpu / 1e6 / ((System.nanoTime() - start) / 1e9);
  }

  static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static long postmasterPid(JdbcClient jdbc) {
    long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
    String[] stat = procStat(backend);
    return stat == null ? -1 : Long.parseLong(stat[3]);
  }

  /** utime + stime of the postmaster's child processes (backends, WAL writer, ...), Linux only. */
  static long postgresCpuNanos(long postmaster) {
    long ticks = 0;
    java.io.File[] processes = new java.io.File("/proc").listFiles();
    if (postmaster < 0 || processes == null) {
      return 0;
    }
    for (java.io.File process : processes) {
      if (!process.getName().chars().allMatch(Character::isDigit)) {
        continue;
      }
      String[] stat = procStat(Long.parseLong(process.getName()));
      if (stat != null && Long.parseLong(stat[3]) == postmaster) {
        ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
      }
    }
    return ticks * 10_000_000L; // USER_HZ 100
  }

  /** Fields of /proc/{pid}/stat (index 0 = pid, 3 = ppid, 13/14 = user/system ticks). */
  private static String[] procStat(long pid) {
    try {
      String line =
          java.nio.file.Files.readString(
              java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
      String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
      String[] fields = new String[rest.length + 2];
      fields[0] = Long.toString(pid);
      fields[1] = "";
      System.arraycopy(rest, 0, fields, 2, rest.length);
      return fields;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  static long percentile(List<Long> values, int percentile) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /** Counts every statement executed through the pool (a plain JDBC proxy). */
  static DataSource counting(DataSource target) {
    return proxy(DataSource.class, target);
  }

  private static <T> T proxy(Class<T> type, T target) {
    return proxy(type, target, null);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, String sqlText) {
    InvocationHandler handler =
        (self, method, args) -> {
          Object value;
          try {
            value = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          String name = method.getName();
          if (value instanceof Connection connection && type != Connection.class) {
            return proxy(Connection.class, connection);
          }
          if (value instanceof Statement statement && type == Connection.class) {
            Class<? extends Statement> kind =
                name.equals("prepareCall")
                    ? java.sql.CallableStatement.class
                    : name.equals("prepareStatement")
                        ? java.sql.PreparedStatement.class
                        : Statement.class;
            String prepared = args != null && args[0] instanceof String sql ? sql : null;
            return proxy((Class<Statement>) kind, statement, prepared);
          }
          if (Statement.class.isAssignableFrom(type) && name.startsWith("execute")) {
            STATEMENTS.incrementAndGet();
            if (COUNT_BY_TEXT) {
              String text =
                  args != null && args.length > 0 && args[0] instanceof String sql ? sql : sqlText;
              STATEMENT_COUNTS
                  .computeIfAbsent(String.valueOf(text), k -> new AtomicLong())
                  .incrementAndGet();
            }
          }
          return value;
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /**
   * Only the engine's auto-configuration, on the benchmark's own PostgreSQL. Deliberately not a
   * {@code @Configuration}: the engine's component scan covers this package.
   */
  @EnableAutoConfiguration
  static class BenchmarkApplication {

    static DataSource dataSource;
  }
}
