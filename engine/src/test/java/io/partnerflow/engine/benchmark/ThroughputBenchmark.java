package io.partnerflow.engine.benchmark;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the embedded engine: N instances of start → 3 service tasks → end, three job
 * workers of the official client (one per task type), instances started by parallel client threads;
 * engine, client and embedded PostgreSQL in this one JVM. Prints figures, asserts nothing.
 *
 * <pre>
 * ./mvnw -B -pl engine -Pbenchmark test -Dtest=ThroughputBenchmark \
 *     -Dbenchmark.instances=2000 -Dbenchmark.starters=4 -Dbenchmark.maxJobsActive=32 \
 *     -Dbenchmark.workerThreads=4 -Dbenchmark.pool=10 -Dbenchmark.synchronousCommit=on \
 *     -Dbenchmark.warmup=20000 -Dbenchmark.rate=250 \
 *     -Dbenchmark.jfr=/tmp/run.jfr -Dbenchmark.statements=true
 * </pre>
 *
 * <p>{@code rate}: unset (0), the starters create instances as fast as they are answered (a flood:
 * the throughput figure, and the queue it builds in the latency); above 0, instances are started at
 * that rate (the latency an instance meets at that offered load).
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

  private static final AtomicLong ZERO = new AtomicLong();

  @Test
  void measureThroughput() throws Exception {
    int instances = Integer.getInteger("benchmark.instances", 2000);
    int starters = Integer.getInteger("benchmark.starters", 4);
    int maxJobsActive = Integer.getInteger("benchmark.maxJobsActive", 32);
    int workerThreads = Integer.getInteger("benchmark.workerThreads", 4);
    int pool = Integer.getInteger("benchmark.pool", 10);
    String synchronousCommit = System.getProperty("benchmark.synchronousCommit", "on");
    // a platform that has run a while: C2 has compiled the hot path (tiered JIT, the default)
    int warmup = Integer.getInteger("benchmark.warmup", 20_000);
    // > 0: start instances at this rate (open loop) instead of as fast as the starters can
    double rate = Double.parseDouble(System.getProperty("benchmark.rate", "0"));
    String jfrFile = System.getProperty("benchmark.jfr", "");
    long timeoutMillis = 300_000;

    try (BenchmarkEngine engine = new BenchmarkEngine(synchronousCommit, pool, workerThreads)) {
      try (BenchmarkRun warm = run(engine, "warmup", maxJobsActive)) {
        warm.execute(warmup, starters, timeoutMillis);
      }
      double idleMillisPerSecond = engine.idleCpuMillisPerSecond();
      try (BenchmarkRun run = run(engine, "bench", maxJobsActive)) {
        BenchmarkEngine.STATEMENT_COUNTS.clear();
        BenchmarkEngine.STATEMENT_NANOS.clear();
        BenchmarkEngine.REQUESTS.clear();
        BenchmarkEngine.Usage before = engine.usage();
        Map<String, Long> threadsBefore = BenchmarkEngine.threadCpuNanos();
        Map<String, Long> postgresBefore = engine.postgresCpuByKind();
        long classesBefore =
            java.lang.management.ManagementFactory.getClassLoadingMXBean()
                .getTotalLoadedClassCount();
        Recording recording = jfrFile.isEmpty() ? null : BenchmarkEngine.startRecording();
        BenchmarkRun.Result result =
            rate > 0
                ? run.executeAtRate(instances, rate, timeoutMillis)
                : run.execute(instances, starters, timeoutMillis);
        BenchmarkEngine.Usage used = engine.usage().since(before);
        Map<String, Long> threadCpu =
            BenchmarkEngine.since(BenchmarkEngine.threadCpuNanos(), threadsBefore);
        Map<String, Long> postgresCpu =
            BenchmarkEngine.since(engine.postgresCpuByKind(), postgresBefore);
        System.out.printf(
            "classes loaded during the measured run: %d%n",
            java.lang.management.ManagementFactory.getClassLoadingMXBean()
                    .getTotalLoadedClassCount()
                - classesBefore);
        if (recording != null) {
          recording.dump(java.nio.file.Path.of(jfrFile));
          recording.close();
        }
        List<Long> engineLatencies = new ArrayList<>();
        List<Long> handlerLatencies = new ArrayList<>();
        engine
            .jobsCreated(run.processId)
            .forEach(
                (key, created) -> {
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
            rate,
            result,
            engine.completed(run.processId),
            engineLatencies,
            handlerLatencies,
            used,
            threadCpu,
            postgresCpu,
            idleMillisPerSecond);
        if (BenchmarkEngine.COUNT_BY_TEXT) {
          System.out.println("a job claim's search after the run, and the tables' dead rows:");
          engine.printClaimPlan(run.processId + "-2");
        }
      }
    }
  }

  /** start → 3 service tasks → end, a job type per task. */
  private static BenchmarkRun run(BenchmarkEngine engine, String name, int maxJobsActive) {
    String processId = name + "-" + System.nanoTime();
    return new BenchmarkRun(
        engine.client(),
        processId,
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("t1", t -> t.zeebeJobType(processId + "-1"))
            .serviceTask("t2", t -> t.zeebeJobType(processId + "-2"))
            .serviceTask("t3", t -> t.zeebeJobType(processId + "-3"))
            .endEvent()
            .done(),
        List.of(processId + "-1", processId + "-2", processId + "-3"),
        maxJobsActive,
        i -> Map.of("partnerId", "p-" + i, "tier", "gold"));
  }

  private static void print(
      int instances,
      int starters,
      int maxJobsActive,
      int workerThreads,
      int pool,
      String synchronousCommit,
      double rate,
      BenchmarkRun.Result result,
      long completed,
      List<Long> engineLatencies,
      List<Long> handlerLatencies,
      BenchmarkEngine.Usage used,
      Map<String, Long> threadCpu,
      Map<String, Long> postgresCpu,
      double idleMillisPerSecond) {
    double seconds = result.seconds();
    System.out.println();
    System.out.println("=== ThroughputBenchmark: start -> 3 service tasks -> end ===");
    System.out.printf(
        "cores %d | %s | instances %d (completed %d) | starters %d | workers 3 x maxJobsActive %d,"
            + " %d handler threads | pool %d | synchronous_commit %s | %s%n",
        Runtime.getRuntime().availableProcessors(),
        BenchmarkEngine.jit(),
        instances,
        completed,
        starters,
        maxJobsActive,
        workerThreads,
        pool,
        synchronousCommit,
        rate > 0 ? String.format("started at %.0f/s", rate) : "started as fast as answered");
    System.out.printf(
        "throughput: %.1f instances/s (%.2f s from first start to last completion)%n",
        instances / seconds, seconds);
    System.out.printf(
        "job latency created->activated (engine): p50 %d ms, p99 %d ms, max %d ms (%d jobs)%n",
        BenchmarkEngine.percentile(engineLatencies, 50),
        BenchmarkEngine.percentile(engineLatencies, 99),
        BenchmarkEngine.percentile(engineLatencies, 100),
        engineLatencies.size());
    System.out.printf(
        "job latency created->handler (worker):   p50 %d ms, p99 %d ms, max %d ms%n",
        BenchmarkEngine.percentile(handlerLatencies, 50),
        BenchmarkEngine.percentile(handlerLatencies, 99),
        BenchmarkEngine.percentile(handlerLatencies, 100));
    System.out.printf(
        "database: %.1f SQL statements and %.1f commits per instance (4 commands + 3 activations)%n",
        used.statements() / (double) instances, used.commits() / (double) instances);
    double jvmMs = used.jvmCpuNanos() / 1e6 / instances;
    double pgMs = used.postgresCpuNanos() / 1e6 / instances;
    System.out.printf(
        "cpu per instance: %.2f ms JVM (engine + client + workers) + %.2f ms PostgreSQL = %.2f ms;"
            + " CPU-bound ceiling on %d idle cores: %.0f instances/s%n",
        jvmMs,
        pgMs,
        jvmMs + pgMs,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().availableProcessors() * 1000 / (jvmMs + pgMs));
    System.out.printf(
        "JVM cpu per instance by thread: %s%n", BenchmarkEngine.perInstance(threadCpu, instances));
    System.out.printf(
        "PostgreSQL cpu per instance by process: %s%n",
        BenchmarkEngine.perInstance(postgresCpu, instances));
    System.out.printf(
        "of which background (engine idle, no workers: scheduler, long-poll sweeps, LISTEN):"
            + " %.1f ms/s, i.e. %.2f ms per instance at this throughput%n",
        idleMillisPerSecond, idleMillisPerSecond * seconds / instances);
    System.out.printf(
        "machine load during the run: %.1f (load average over 1 min, %d cores)%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "HTTP requests per instance: %s%n", BenchmarkEngine.requestsPerInstance(instances));
    if (BenchmarkEngine.COUNT_BY_TEXT) {
      System.out.println(
          "statements per instance, by SQL text (per instance | ms per instance in its executions,"
              + " the round trip | µs per execution), most time first:");
      long measured =
          BenchmarkEngine.STATEMENT_COUNTS.values().stream().mapToLong(AtomicLong::get).sum();
      BenchmarkEngine.STATEMENT_COUNTS.entrySet().stream()
          .sorted(
              (a, b) ->
                  Long.compare(
                      BenchmarkEngine.STATEMENT_NANOS.getOrDefault(b.getKey(), ZERO).get(),
                      BenchmarkEngine.STATEMENT_NANOS.getOrDefault(a.getKey(), ZERO).get()))
          .forEach(
              e -> {
                long count = e.getValue().get();
                long nanos = BenchmarkEngine.STATEMENT_NANOS.getOrDefault(e.getKey(), ZERO).get();
                System.out.printf(
                    "  %6.2f | %5.3f | %6.1f  %s%n",
                    count / (double) instances,
                    nanos / 1e6 / instances,
                    count == 0 ? 0 : nanos / 1e3 / count,
                    e.getKey().replaceAll("\\s+", " "));
              });
      System.out.printf("  (%d executions in all)%n", measured);
    }
    System.out.println("===");
  }
}
