package io.partnerflow.engine.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
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
import java.util.function.IntFunction;

/**
 * One measured (or warm-up) run: a freshly deployed process, one worker of the official client per
 * job type, instances started by parallel client threads, and the times the workers record. An
 * instance counts as done when the job of the last job type is completed.
 */
final class BenchmarkRun implements AutoCloseable {

  private static final long JOB_TIMEOUT_MILLIS = 300_000;

  /**
   * The workers' poll interval: the client waits this long before its next activation whenever a
   * batch's handlers all finished before it counted the batch (usual with quick handlers). 5 ms is
   * the platform's setting (camunda.client.worker.defaults.poll-interval); the client's own default
   * is 100 ms.
   */
  private static final long POLL_INTERVAL_MILLIS = Long.getLong("benchmark.pollInterval", 5);

  final String processId;

  /** Job key → activation time (epoch ms): the deadline minus the worker's time-out. */
  final Map<Long, Long> activatedAt = new ConcurrentHashMap<>();

  /** Job key → when the worker's handler saw the job (epoch ms). */
  final Map<Long, Long> handledAt = new ConcurrentHashMap<>();

  private final CamundaClient client;
  private final IntFunction<Map<String, Object>> variables;
  private final List<JobWorker> workers = new ArrayList<>();
  private final AtomicLong lastCompletion = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private CountDownLatch completions;

  /**
   * Deploys {@code model} (its process id is {@code processId}) and opens a worker per job type.
   * {@code variables} gives the variables of the i-th instance of a starter thread.
   */
  BenchmarkRun(
      CamundaClient client,
      String processId,
      BpmnModelInstance model,
      List<String> jobTypes,
      int maxJobsActive,
      IntFunction<Map<String, Object>> variables) {
    this.client = client;
    this.processId = processId;
    this.variables = variables;
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    for (int i = 0; i < jobTypes.size(); i++) {
      workers.add(worker(jobTypes.get(i), maxJobsActive, i == jobTypes.size() - 1));
    }
  }

  private JobWorker worker(String jobType, int maxJobsActive, boolean last) {
    return client
        .newWorker()
        .jobType(jobType)
        .handler(
            (jobClient, job) -> {
              record(job);
              // non-blocking, as the Spring SDK's auto-completion does: handler threads do not
              // wait for the engine's answer
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
        .pollInterval(Duration.ofMillis(POLL_INTERVAL_MILLIS))
        .timeout(Duration.ofMillis(JOB_TIMEOUT_MILLIS))
        .name("bench-" + jobType)
        .open();
  }

  private void record(ActivatedJob job) {
    handledAt.put(job.getKey(), System.currentTimeMillis());
    activatedAt.put(job.getKey(), job.getDeadline() - JOB_TIMEOUT_MILLIS);
  }

  /**
   * Starts {@code instances} instances at a fixed rate (per second) and waits for them all: an
   * offered load, as a platform sees it, not a flood. Each start is sent on time whether or not the
   * earlier ones were answered (open loop), so the job latency shows what an instance meets at that
   * rate, not the queue a flood builds.
   */
  Result executeAtRate(int instances, double perSecond, long timeoutMillis) throws Exception {
    completions = new CountDownLatch(instances);
    AtomicLong startFailures = new AtomicLong();
    long first = System.nanoTime();
    for (int i = 0; i < instances; i++) {
      long due = first + (long) (i * 1e9 / perSecond);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(processId)
          .latestVersion()
          .variables(variables.apply(i))
          .send()
          .whenComplete(
              (created, failure) -> {
                if (failure != null) {
                  startFailures.incrementAndGet();
                }
              });
    }
    long lastStart = System.nanoTime();
    if (!completions.await(timeoutMillis, TimeUnit.MILLISECONDS)
        || failures.get() + startFailures.get() > 0) {
      System.out.printf(
          "!! %d starts and %d job completions failed%n", startFailures.get(), failures.get());
      System.out.printf(
          "!! only %d of %d instances completed in time%n",
          instances - completions.getCount(), instances);
    }
    System.out.printf(
        "offered %.1f instances/s: the last start was sent after %.2f s (%.1f/s)%n",
        perSecond, (lastStart - first) / 1e9, instances / ((lastStart - first) / 1e9));
    return new Result(first, lastCompletion.get(), instances);
  }

  /** Starts {@code instances} instances over {@code starters} threads and waits for them all. */
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
                      .variables(variables.apply(i))
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

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }

  /** When the first instance was started and the last one completed (System.nanoTime). */
  record Result(long firstStartNanos, long lastCompletionNanos, int started) {

    double seconds() {
      return (lastCompletionNanos - firstStartNanos) / 1e9;
    }
  }
}
