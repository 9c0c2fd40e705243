package io.partnerflow.engine.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
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
            .initializers(ctx -> ctx.getBeanFactory().registerSingleton("dataSource", dataSource))
            .properties(
                "server.port=0",
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
  private static DataSource counting(DataSource target) {
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
  static class BenchmarkApplication {}
}
