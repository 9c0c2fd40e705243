package io.partnerflow.engine.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.partnerflow.engine.state.JobRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine under measurement, shared by the benchmarks: its own embedded PostgreSQL, the engine's
 * auto-configuration on a random port, an official client, and the counters read around a measured
 * run (JVM and PostgreSQL CPU, SQL statements through the pool, commits).
 */
final class BenchmarkEngine implements AutoCloseable {

  private static final String USER = "partnerflow";

  /** Every statement executed through the pool. */
  static final AtomicLong STATEMENTS = new AtomicLong();

  /** SQL text → executions, only with {@code -Dbenchmark.statements=true}. */
  static final Map<String, AtomicLong> STATEMENT_COUNTS = new ConcurrentHashMap<>();

  /** SQL text → nanoseconds in its executions, only with {@code -Dbenchmark.statements=true}. */
  static final Map<String, AtomicLong> STATEMENT_NANOS = new ConcurrentHashMap<>();

  private static final java.util.regex.Pattern KEY_IN_PATH =
      java.util.regex.Pattern.compile("/[0-9]+");

  /** HTTP requests received, by method and path. */
  static final Map<String, AtomicLong> REQUESTS = new ConcurrentHashMap<>();

  static final boolean COUNT_BY_TEXT = Boolean.getBoolean("benchmark.statements");

  private final EmbeddedPostgres postgres;
  private final ConfigurableApplicationContext context;
  private final CamundaClient client;
  private final JdbcClient jdbc;
  private final long postmaster;

  /** Starts PostgreSQL ({@code synchronous_commit} as given), the engine and a client. */
  BenchmarkEngine(String synchronousCommit, int pool, int workerThreads) throws Exception {
    postgres =
        EmbeddedPostgres.builder().setServerConfig("synchronous_commit", synchronousCommit).start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(pool);
    DataSource dataSource = counting(new HikariDataSource(config));
    context =
        new SpringApplicationBuilder(BenchmarkApplication.class)
            // a bean definition, not a registered singleton, so that the engine wraps it as the
            // platform's own (write-behind)
            .initializers(
                ctx ->
                    ((GenericApplicationContext) ctx)
                        .registerBean("dataSource", DataSource.class, () -> dataSource))
            .properties(
                "server.port=0",
                "partnerflow.engine.write-behind="
                    + System.getProperty("benchmark.writeBehind", "true"),
                "spring.liquibase.enabled=false",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN")
            .run();
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    jdbc = JdbcClient.create(dataSource);
    client = client(port, workerThreads);
    postmaster = postmasterPid(jdbc);
  }

  CamundaClient client() {
    return client;
  }

  /** The counters now; {@link Usage#since} gives what a run used. */
  Usage usage() {
    return new Usage(jvmCpuNanos(), postgresCpuNanos(postmaster), STATEMENTS.get(), commits(jdbc));
  }

  /** Completed instances of a process. */
  long completed(String processId) {
    return jdbc.sql(
            "SELECT count(*) FROM engine.process_instance WHERE bpmn_process_id = ?"
                + " AND state = 'COMPLETED'")
        .param(processId)
        .query(Long.class)
        .single();
  }

  /** Job key → creation time (epoch ms) as the engine recorded it, for a process's jobs. */
  Map<Long, Long> jobsCreated(String processId) {
    Map<Long, Long> created = new HashMap<>();
    jdbc.sql("SELECT key, created FROM engine.job WHERE bpmn_process_id = ?")
        .param(processId)
        .query(
            rs -> {
              created.put(
                  rs.getLong("key"),
                  rs.getObject("created", OffsetDateTime.class).toInstant().toEpochMilli());
            });
    return created;
  }

  /**
   * CPU (JVM + PostgreSQL) of the engine doing nothing, per second: the fixed cost that the
   * per-instance figure includes in proportion to the run's duration.
   */
  double idleCpuMillisPerSecond() throws InterruptedException {
    Thread.sleep(1_000);
    long before = jvmCpuNanos() + postgresCpuNanos(postmaster);
    long start = System.nanoTime();
    Thread.sleep(5_000);
    long cpu = jvmCpuNanos() + postgresCpuNanos(postmaster) - before;
    return cpu / 1e6 / ((System.nanoTime() - start) / 1e9);
  }

  @Override
  public void close() throws Exception {
    client.close();
    context.close();
    postgres.close();
  }

  /**
   * JVM CPU, PostgreSQL CPU, statements and commits: absolute, or used since an earlier reading.
   */
  record Usage(long jvmCpuNanos, long postgresCpuNanos, long statements, long commits) {

    Usage since(Usage before) {
      return new Usage(
          jvmCpuNanos - before.jvmCpuNanos,
          postgresCpuNanos - before.postgresCpuNanos,
          statements - before.statements,
          commits - before.commits);
    }
  }

  /**
   * {@code -Dbenchmark.jfr=file.jfr}: a JFR recording of the measured run only (not start-up or
   * warm-up), with method samples every 2 ms.
   */
  static Recording startRecording() throws Exception {
    Map<String, String> settings =
        new java.util.HashMap<>(Configuration.getConfiguration("profile").getSettings());
    settings.put("jdk.ExecutionSample#period", "2 ms");
    settings.put("jdk.NativeMethodSample#period", "2 ms");
    Recording recording = new Recording(settings);
    recording.start();
    return recording;
  }

  /**
   * The plan (with buffers) of a job claim's search for the type, and the job table's dead rows and
   * last vacuum: what a claim reads once many jobs have come and gone.
   */
  void printClaimPlan(String jobType) {
    jdbc.sql(
            "EXPLAIN (ANALYZE, BUFFERS) " + JobRepository.CLAIM_SEARCH + " SELECT key FROM claimed")
        .param("type", jobType)
        .param("now", OffsetDateTime.now())
        .param("max", 32)
        .query(String.class)
        .list()
        .forEach(line -> System.out.println("  " + line));
    jdbc.sql(
            "SELECT relname, n_live_tup, n_dead_tup, last_autovacuum, autovacuum_count"
                + " FROM pg_stat_user_tables WHERE schemaname = 'engine'"
                + " AND relname IN ('job', 'element_instance')")
        .query()
        .listOfRows()
        .forEach(row -> System.out.println("  " + row));
  }

  private static long commits(JdbcClient jdbc) {
    return jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
        .query(Long.class)
        .single();
  }

  private static CamundaClient client(int port, int workerThreads) {
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

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long postmasterPid(JdbcClient jdbc) {
    long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
    String[] stat = procStat(backend);
    return stat == null ? -1 : Long.parseLong(stat[3]);
  }

  /** utime + stime of the postmaster's child processes (backends, WAL writer, ...), Linux only. */
  private static long postgresCpuNanos(long postmaster) {
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

  /**
   * PostgreSQL's CPU by kind of process ("backend" for the pool's connections, "walwriter",
   * "checkpointer", "autovacuum worker", ...; "exited" is what the postmaster reaped meanwhile,
   * such as short autovacuum workers), for {@link #since}: where the database's share goes.
   */
  Map<String, Long> postgresCpuByKind() {
    Map<String, Long> nanos = new java.util.TreeMap<>();
    java.io.File[] processes = new java.io.File("/proc").listFiles();
    if (postmaster < 0 || processes == null) {
      return nanos;
    }
    String[] own = procStat(postmaster);
    if (own != null) {
      nanos.put("exited", (Long.parseLong(own[15]) + Long.parseLong(own[16])) * 10_000_000L);
    }
    for (java.io.File process : processes) {
      if (!process.getName().chars().allMatch(Character::isDigit)) {
        continue;
      }
      long pid = Long.parseLong(process.getName());
      String[] stat = procStat(pid);
      if (stat != null && Long.parseLong(stat[3]) == postmaster) {
        nanos.merge(
            kind(pid),
            (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) * 10_000_000L,
            Long::sum);
      }
    }
    return nanos;
  }

  /**
   * "postgres: walwriter" → walwriter; a connection's "postgres: user db host(port) ..." → backend.
   */
  private static String kind(long pid) {
    try {
      String title =
          new String(
                  java.nio.file.Files.readAllBytes(
                      java.nio.file.Path.of("/proc", Long.toString(pid), "cmdline")),
                  java.nio.charset.StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .trim();
      String name = title.startsWith("postgres: ") ? title.substring(10) : title;
      return name.contains("(") ? "backend" : name.replaceAll(" [0-9].*$", "");
    } catch (java.io.IOException e) {
      return "gone";
    }
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

  /** "JIT C1 only" or "JIT tiered (C1 + C2)", from this JVM's options. */
  static String jit() {
    boolean c1Only =
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(option -> option.startsWith("-XX:TieredStopAtLevel=1"));
    return c1Only ? "JIT C1 only" : "JIT tiered (C1 + C2)";
  }

  /** HTTP requests the engine received, per instance, most frequent first. */
  static String requestsPerInstance(int instances) {
    return REQUESTS.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
        .map(e -> String.format("%.2f %s", e.getValue().get() / (double) instances, e.getKey()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Per-thread-name CPU used between two readings of {@link #threadCpuNanos()}. */
  static Map<String, Long> since(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> used = new java.util.TreeMap<>();
    after.forEach((name, nanos) -> used.put(name, nanos - before.getOrDefault(name, 0L)));
    return used;
  }

  /**
   * "11.5 ms http-nio-N-exec (engine's HTTP server), ...": the threads that used at least 0.05 ms
   * per instance, most first. Compiler threads are the JIT, still compiling in a short run.
   */
  static String perInstance(Map<String, Long> threadCpu, int instances) {
    return threadCpu.entrySet().stream()
        .filter(e -> e.getValue() / 1e6 / instances >= 0.05)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .map(e -> String.format("%.2f ms %s", e.getValue() / 1e6 / instances, e.getKey()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /**
   * CPU (ns) of this JVM's threads by name (digits folded to N; Linux truncates names to 15
   * characters), from /proc/self/task.
   */
  static Map<String, Long> threadCpuNanos() {
    Map<String, Long> byName = new java.util.TreeMap<>();
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return byName;
    }
    for (java.io.File task : tasks) {
      try {
        String line = java.nio.file.Files.readString(task.toPath().resolve("stat"));
        String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        byName.merge(name.replaceAll("[0-9]+", "N"), ticks * 10_000_000L, Long::sum);
      } catch (java.io.IOException | RuntimeException gone) {
        // the thread ended meanwhile
      }
    }
    return byName;
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

  /**
   * Counts the statements prepared through the pool: a JDK proxy on connections only, cheap enough
   * not to show in the figures (proxying every statement call cost about 3% of the JVM's CPU). The
   * engine runs each statement through Spring's JdbcTemplate, which prepares it once per execution
   * (a batch counts once).
   */
  private static DataSource counting(DataSource target) {
    return proxy(DataSource.class, target);
  }

  /**
   * With {@code benchmark.statements}: a statement whose executions are timed (the round trip:
   * PostgreSQL's work, the wire and any lock wait), by SQL text; commits under "COMMIT".
   */
  private static PreparedStatement timed(PreparedStatement target, String text) {
    InvocationHandler handler =
        (self, method, args) -> {
          boolean execution = method.getName().startsWith("execute");
          long started = execution ? System.nanoTime() : 0;
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (execution) {
              STATEMENT_NANOS
                  .computeIfAbsent(text, k -> new AtomicLong())
                  .addAndGet(System.nanoTime() - started);
            }
          }
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            handler);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target) {
    InvocationHandler handler =
        (self, method, args) -> {
          Object value;
          boolean commit = COUNT_BY_TEXT && method.getName().equals("commit");
          long started = commit ? System.nanoTime() : 0;
          try {
            value = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (commit) {
            STATEMENT_COUNTS.computeIfAbsent("COMMIT", k -> new AtomicLong()).incrementAndGet();
            STATEMENT_NANOS
                .computeIfAbsent("COMMIT", k -> new AtomicLong())
                .addAndGet(System.nanoTime() - started);
          }
          if (value instanceof Connection connection && type == DataSource.class) {
            return proxy(Connection.class, connection);
          }
          if (value instanceof Statement statement) {
            STATEMENTS.incrementAndGet();
            if (COUNT_BY_TEXT) {
              String text =
                  args != null && args.length > 0 && args[0] instanceof String sql
                      ? sql
                      : "(plain statement)";
              STATEMENT_COUNTS.computeIfAbsent(text, k -> new AtomicLong()).incrementAndGet();
              if (value instanceof PreparedStatement prepared) {
                return timed(prepared, text);
              }
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

    /** Counts the HTTP requests the engine receives, by method and path (keys as {key}). */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter>
        requestCounter() {
      jakarta.servlet.Filter counter =
          (request, response, chain) -> {
            jakarta.servlet.http.HttpServletRequest http =
                (jakarta.servlet.http.HttpServletRequest) request;
            String path = KEY_IN_PATH.matcher(http.getRequestURI()).replaceAll("/{key}");
            REQUESTS
                .computeIfAbsent(http.getMethod() + " " + path, k -> new AtomicLong())
                .incrementAndGet();
            chain.doFilter(request, response);
          };
      var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(counter);
      registration.setOrder(Integer.MIN_VALUE);
      registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
      return registration;
    }
  }
}
