package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.UserTaskProperties;
import io.partnerflow.engine.command.ActivateJobsCommand;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobsAvailable;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.ListenerTaskView;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Holds job activation requests (no thread per poll: a future each) until jobs of their type are
 * ready or {@code requestTimeout} passes. Woken after commit when jobs appear in this JVM or on
 * another node (JobsAvailable), and every {@link #SWEEP_MILLIS} for back-offs and expired
 * activations.
 *
 * <p>A {@link SmartLifecycle} so that it stops first when the context closes — before the web
 * server and long before the DataSource: in-flight claims finish, held requests are answered empty,
 * and no transaction starts on a closing pool.
 */
@Component
class JobActivationLongPoll implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(JobActivationLongPoll.class);

  /** The default of Camunda's gateway when the client sends no (or a zero) requestTimeout. */
  static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  static final long SWEEP_MILLIS = 500;

  private final ActivateJobsCommand activateJobs;
  private final JsonValues json;
  private final Map<String, Queue<Waiter>> waiters = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor timer =
      new ScheduledThreadPoolExecutor(1, r -> daemon(r, "engine-long-poll-timer"));
  private final ExecutorService workers =
      Executors.newFixedThreadPool(2, r -> daemon(r, "engine-long-poll"));
  private volatile boolean running;
  private volatile boolean stopped;

  JobActivationLongPoll(ActivateJobsCommand activateJobs, JsonValues json) {
    this.activateJobs = activateJobs;
    this.json = json;
    // on stop, pending request time-outs are dropped: stop() answers those requests itself
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    timer.setRemoveOnCancelPolicy(true);
    timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Jobs claimed at once, or a future that this class always completes: with jobs, empty at {@code
   * requestTimeout}, or empty when the engine stops.
   */
  CompletableFuture<JobActivationResult> activate(JobActivationRequest request) {
    long requestTimeout =
        request.getRequestTimeout() == null || request.getRequestTimeout() == 0
            ? DEFAULT_REQUEST_TIMEOUT_MILLIS
            : request.getRequestTimeout();
    CompletableFuture<JobActivationResult> result = new CompletableFuture<>();
    Waiter waiter = new Waiter(request, result);
    if (stopped) {
      waiter.finish(empty());
      return result;
    }
    if (waiter.tryServe() || requestTimeout < 0) {
      waiter.finish(empty());
      return result;
    }
    Queue<Waiter> queue =
        waiters.computeIfAbsent(request.getType(), type -> new ConcurrentLinkedQueue<>());
    queue.add(waiter);
    result.whenComplete((answer, failure) -> queue.remove(waiter));
    try {
      timer.schedule(() -> waiter.finish(empty()), requestTimeout, TimeUnit.MILLISECONDS);
      // a job may have appeared between the first attempt and the registration
      workers.execute(() -> serve(request.getType()));
    } catch (RejectedExecutionException stopping) {
      waiter.finish(empty());
    }
    return result;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onJobsAvailable(JobsAvailable event) {
    if (!stopped && waiters.containsKey(event.type())) {
      try {
        workers.execute(() -> serve(event.type()));
      } catch (RejectedExecutionException stopping) {
        // the context is closing: held requests are answered by stop()
      }
    }
  }

  private void sweep() {
    waiters.forEach(
        (type, queue) -> {
          if (queue.isEmpty()) {
            waiters.remove(type, queue);
          } else {
            serve(type);
          }
        });
  }

  private void serve(String type) {
    Queue<Waiter> queue = waiters.get(type);
    if (queue == null) {
      return;
    }
    for (Waiter waiter : queue) {
      if (stopped) {
        return;
      }
      try {
        if (!waiter.tryServe()) {
          return; // nothing ready for the first waiter: nothing for the later ones either
        }
      } catch (RuntimeException e) {
        if (stopped) {
          waiter.finish(empty());
          return;
        }
        LOG.warn("Job activation for type {} failed", type, e);
        waiter.fail(e);
      }
    }
  }

  private static JobActivationResult empty() {
    return new JobActivationResult().jobs(List.of());
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void start() {
    running = true;
  }

  /**
   * No new database work from here on; waits for claims in flight (they commit or roll back while
   * the pool is still open), then answers every held request with no jobs.
   */
  @Override
  public void stop() {
    stopped = true;
    timer.shutdown();
    workers.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer.shutdownNow();
    workers.shutdownNow();
    waiters.values().forEach(queue -> queue.forEach(waiter -> waiter.finish(empty())));
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** One held request; its lock makes "claim jobs" and "time out" mutually exclusive. */
  private final class Waiter {

    private final JobActivationRequest request;
    private final CompletableFuture<JobActivationResult> result;
    private boolean done;

    Waiter(JobActivationRequest request, CompletableFuture<JobActivationResult> result) {
      this.request = request;
      this.result = result;
    }

    /** Claims jobs and answers with them; false when none was ready. */
    synchronized boolean tryServe() {
      if (done || result.isDone()) {
        return true;
      }
      if (stopped) {
        finish(empty());
        return true;
      }
      List<ActivateJobsCommand.ActivatedJob> jobs =
          activateJobs.execute(
              new ActivateJobsCommand.Request(
                  request.getType(),
                  request.getWorker() == null ? "" : request.getWorker(),
                  request.getTimeout(),
                  request.getMaxJobsToActivate(),
                  request.getFetchVariable()));
      if (jobs.isEmpty()) {
        return false;
      }
      finish(new JobActivationResult().jobs(jobs.stream().map(this::toResult).toList()));
      return true;
    }

    synchronized void finish(JobActivationResult answer) {
      if (!done) {
        done = true;
        result.complete(answer);
      }
    }

    synchronized void fail(Exception e) {
      if (!done) {
        done = true;
        result.completeExceptionally(e);
      }
    }

    private ActivatedJobResult toResult(ActivateJobsCommand.ActivatedJob activated) {
      JobRecord job = activated.job();
      Map<String, Object> headers = json.readObject(job.customHeadersJson());
      return new ActivatedJobResult()
          .jobKey(Keys.format(job.key()))
          .type(job.type())
          .worker(job.worker())
          .retries(job.retries())
          .deadline(activated.deadline().toInstant().toEpochMilli())
          .variables(activated.variables())
          .customHeaders(headers)
          .elementId(job.elementId())
          .elementInstanceKey(Keys.format(job.elementInstanceKey()))
          .processInstanceKey(Keys.format(job.processInstanceKey()))
          .processDefinitionKey(Keys.format(job.processDefinitionKey()))
          .processDefinitionId(job.bpmnProcessId())
          .processDefinitionVersion(job.processDefinitionVersion())
          .tenantId(job.tenantId())
          .kind(JobKindEnum.fromValue(job.kind()))
          .listenerEventType(
              job.listenerEventType() == null
                  ? JobListenerEventTypeEnum.UNSPECIFIED
                  : JobListenerEventTypeEnum.fromValue(job.listenerEventType()))
          .userTask(userTask(activated.userTask()));
    }

    private static UserTaskProperties userTask(ListenerTaskView task) {
      if (task == null) {
        return null;
      }
      return new UserTaskProperties()
          .userTaskKey(Keys.format(task.userTaskKey()))
          .action(task.action())
          .assignee(task.assignee())
          .candidateGroups(task.candidateGroups())
          .candidateUsers(task.candidateUsers())
          .changedAttributes(task.changedAttributes())
          .dueDate(task.dueDate() == null ? null : task.dueDate().toString())
          .followUpDate(task.followUpDate() == null ? null : task.followUpDate().toString())
          .formKey(task.formKey() == null ? null : Keys.format(task.formKey()))
          .priority(task.priority());
    }
  }
}
