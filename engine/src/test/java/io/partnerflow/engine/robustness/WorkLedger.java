package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What the job workers saw, counted on the worker side: every activation (job, worker, deadline)
 * and, per process instance and element, the job keys handed out and how each completion ended.
 * Activation is at-least-once, so a handler may run twice for one job; what must happen exactly
 * once is a completion the engine accepted.
 */
final class WorkLedger {

  /** One task of one process instance. */
  record Task(long processInstanceKey, String elementId) {}

  /** A job handed to a worker, with the deadline the engine set. */
  record Activation(long jobKey, Task task, String worker, long deadline) {}

  private final Map<Long, List<Activation>> activations = new ConcurrentHashMap<>();
  private final Map<Task, Set<Long>> jobKeys = new ConcurrentHashMap<>();
  private final Map<Task, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private final Map<Task, AtomicInteger> rejected = new ConcurrentHashMap<>();
  private final Map<Task, AtomicInteger> uncertain = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> acceptedByElement = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> acceptedByWorker = new ConcurrentHashMap<>();

  /** A handler that records the activation, then completes the job and records the outcome. */
  JobHandler completingHandler(String worker) {
    return handler(worker, job -> false);
  }

  /**
   * Like {@link #completingHandler}, but jobs for which {@code drop} is true are left without an
   * answer, as by a worker that crashed after activation: they come back after their time-out.
   */
  JobHandler handler(String worker, Predicate<ActivatedJob> drop) {
    return (jobClient, job) -> {
      boolean firstActivation = activated(worker, job);
      if (firstActivation && drop.test(job)) {
        return;
      }
      jobClient
          .newCompleteCommand(job)
          .send()
          .whenComplete((response, failure) -> completed(worker, job, failure));
    };
  }

  /** Returns whether this is the job's first activation. */
  private boolean activated(String worker, ActivatedJob job) {
    Task task = task(job);
    jobKeys.computeIfAbsent(task, t -> ConcurrentHashMap.newKeySet()).add(job.getKey());
    List<Activation> ofJob = activations.computeIfAbsent(job.getKey(), k -> new ArrayList<>());
    synchronized (ofJob) {
      ofJob.add(new Activation(job.getKey(), task, worker, job.getDeadline()));
      return ofJob.size() == 1;
    }
  }

  private void completed(String worker, ActivatedJob job, Throwable failure) {
    Task task = task(job);
    if (failure == null) {
      count(accepted, task);
      acceptedByElement
          .computeIfAbsent(task.elementId(), e -> new AtomicInteger())
          .incrementAndGet();
      acceptedByWorker.computeIfAbsent(worker, w -> new AtomicInteger()).incrementAndGet();
    } else if (unwrap(failure) instanceof ProblemException problem
        && (problem.code() == 404 || problem.code() == 409)) {
      // the engine answered: the job was completed already (or is gone)
      count(rejected, task);
    } else {
      // no answer (the node died mid-request, connection refused, ...): accepted or not, unknown
      count(uncertain, task);
    }
  }

  private static Task task(ActivatedJob job) {
    return new Task(job.getProcessInstanceKey(), job.getElementId());
  }

  private static void count(Map<Task, AtomicInteger> counts, Task task) {
    counts.computeIfAbsent(task, t -> new AtomicInteger()).incrementAndGet();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  int acceptedOf(String elementId) {
    AtomicInteger count = acceptedByElement.get(elementId);
    return count == null ? 0 : count.get();
  }

  int acceptedBy(String worker) {
    AtomicInteger count = acceptedByWorker.get(worker);
    return count == null ? 0 : count.get();
  }

  int accepted(Task task) {
    return get(accepted, task);
  }

  int rejected(Task task) {
    return get(rejected, task);
  }

  int uncertain(Task task) {
    return get(uncertain, task);
  }

  Set<Long> jobKeys(Task task) {
    return jobKeys.getOrDefault(task, Set.of());
  }

  /** Every job's activations, in the order the workers received them. */
  Map<Long, List<Activation>> activations() {
    Map<Long, List<Activation>> copy = new ConcurrentHashMap<>();
    activations.forEach(
        (key, list) -> {
          synchronized (list) {
            copy.put(key, List.copyOf(list));
          }
        });
    return copy;
  }

  /**
   * Each task of these instances had one job (a second would mean its element was entered twice,
   * e.g. by a timer firing twice) and the engine accepted at most one completion of it; none only
   * where the answer to a completion was lost (the node died while it was on its way).
   */
  void assertEachTaskHadOneJobCompletedOnce(Collection<Long> instances, List<String> elementIds) {
    for (long instance : instances) {
      for (String elementId : elementIds) {
        Task task = new Task(instance, elementId);
        assertThat(jobKeys(task)).as("jobs of %s", task).hasSize(1);
        assertThat(accepted(task)).as("accepted completions of %s", task).isLessThan(2);
        if (accepted(task) == 0) {
          assertThat(uncertain(task)).as("unanswered completions of %s", task).isPositive();
        }
      }
    }
  }

  /**
   * A job was activated again only once its previous activation had timed out: the engine's
   * activation time is the new deadline minus the time-out the workers ask for. Returns how many
   * re-activations there were.
   */
  int assertActivatedAgainOnlyAfterDeadline(Duration workerTimeout) {
    int reactivations = 0;
    for (List<Activation> ofJob : activations().values()) {
      List<Activation> inOrder =
          ofJob.stream().sorted(Comparator.comparingLong(Activation::deadline)).toList();
      for (int i = 1; i < inOrder.size(); i++) {
        Activation previous = inOrder.get(i - 1);
        Activation next = inOrder.get(i);
        long activatedAt = next.deadline() - workerTimeout.toMillis();
        // deadlines travel as epoch milliseconds, truncated: allow that millisecond
        assertThat(activatedAt)
            .as("activation of job %d by %s after %s", next.jobKey(), next.worker(), previous)
            .isGreaterThanOrEqualTo(previous.deadline() - 1);
        reactivations++;
      }
    }
    return reactivations;
  }

  int totalUncertain() {
    return uncertain.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int totalRejected() {
    return rejected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private static int get(Map<Task, AtomicInteger> counts, Task task) {
    AtomicInteger count = counts.get(task);
    return count == null ? 0 : count.get();
  }
}
