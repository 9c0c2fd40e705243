package io.partnerflow.engine.benchmark;

import static io.partnerflow.engine.benchmark.BenchmarkEngine.percentile;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Throughput of multi-instance with a boundary timer: N instances of start → a service task with a
 * parallel multi-instance over a collection of 10 items → a service task with an interrupting
 * boundary timer (P1D, never fires) → end; two job workers of the official client. Same set-up and
 * figures as {@link ThroughputBenchmark} ({@link BenchmarkEngine}, {@link BenchmarkRun}), plus
 * jobs/s. Prints figures, asserts nothing.
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

    try (BenchmarkEngine engine = new BenchmarkEngine(synchronousCommit, pool, workerThreads)) {
      try (BenchmarkRun warm = run(engine, "mi-warmup", items, maxJobsActive)) {
        warm.execute(warmup, starters, timeoutMillis);
      }
      try (BenchmarkRun run = run(engine, "mi-bench", items, maxJobsActive)) {
        BenchmarkEngine.Usage before = engine.usage();
        BenchmarkRun.Result result = run.execute(instances, starters, timeoutMillis);
        BenchmarkEngine.Usage used = engine.usage().since(before);
        List<Long> latencies = new ArrayList<>();
        engine
            .jobsCreated(run.processId)
            .forEach(
                (key, created) -> {
                  Long activated = run.activatedAt.get(key);
                  if (activated != null) {
                    latencies.add(activated - created);
                  }
                });
        double seconds = result.seconds();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.printf(
            "=== MultiInstanceBenchmark: start -> parallel multi-instance service task (%d items)"
                + " -> service task with interrupting boundary timer -> end ===%n",
            items);
        System.out.printf(
            "cores %d | %s | instances %d (completed %d) | starters %d | workers 2 x maxJobsActive"
                + " %d, %d handler threads | pool %d | synchronous_commit %s%n",
            cores,
            BenchmarkEngine.jit(),
            instances,
            engine.completed(run.processId),
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
            used.statements() / (double) instances, used.commits() / (double) instances);
        double cpuMs = (used.jvmCpuNanos() + used.postgresCpuNanos()) / 1e6 / instances;
        System.out.printf(
            "cpu per instance: %.2f ms JVM + %.2f ms PostgreSQL = %.2f ms; CPU-bound ceiling on %d"
                + " idle cores: %.0f instances/s%n",
            used.jvmCpuNanos() / 1e6 / instances,
            used.postgresCpuNanos() / 1e6 / instances,
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

  /**
   * start → "each" (parallel multi-instance over {@code items}) → "guarded" (interrupting P1D
   * boundary timer) → end.
   */
  private static BenchmarkRun run(
      BenchmarkEngine engine, String name, int items, int maxJobsActive) {
    String processId = name + "-" + System.nanoTime();
    List<Integer> collection = IntStream.rangeClosed(1, items).boxed().toList();
    return new BenchmarkRun(
        engine.client(),
        processId,
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
        List.of(processId + "-each", processId + "-guarded"),
        maxJobsActive,
        i -> Map.of("items", collection, "partnerId", "p-" + i));
  }
}
