package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.ProcessInstanceEnded;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import io.partnerflow.engine.state.VariableRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Holds {@code awaitCompletion} creations (no thread per request: a future each) until the instance
 * completes — woken after commit in this JVM ({@link ProcessInstanceEnded}), and by a periodic
 * check for instances completed on another node — or {@code requestTimeout} passes (504).
 */
@Component
class ProcessInstanceCompletions implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessInstanceCompletions.class);

  /** When the client sends no (or a zero) requestTimeout. */
  static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  static final long CHECK_MILLIS = 500;

  private final ProcessInstanceRepository processInstances;
  private final VariableRepository variables;
  private final JsonValues json;
  private final Map<Long, Waiter> waiters = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService timer;

  ProcessInstanceCompletions(
      ProcessInstanceRepository processInstances, VariableRepository variables, JsonValues json) {
    this.processInstances = processInstances;
    this.variables = variables;
    this.json = json;
  }

  /**
   * A future that this class always completes: with the result when the instance completes, with an
   * EngineException when it ends otherwise (409), at {@code requestTimeout} (504) or when the
   * engine stops (503).
   */
  CompletableFuture<CreateProcessInstanceResult> await(
      ProcessInstanceRecord created, Long requestTimeout, List<String> fetchVariables) {
    long timeout =
        requestTimeout == null || requestTimeout <= 0
            ? DEFAULT_REQUEST_TIMEOUT_MILLIS
            : requestTimeout;
    CompletableFuture<CreateProcessInstanceResult> result = new CompletableFuture<>();
    Waiter waiter = new Waiter(created, fetchVariables, result);
    ScheduledExecutorService scheduler = timer;
    if (scheduler == null) {
      waiter.fail(unavailable());
      return result;
    }
    waiters.put(created.key(), waiter);
    result.whenComplete((answer, failure) -> waiters.remove(created.key(), waiter));
    try {
      scheduler.schedule(
          () ->
              waiter.fail(
                  new EngineException(
                      504,
                      "DEADLINE_EXCEEDED",
                      "Expected the process instance with key '%d' to complete within %d ms, but it did not"
                          .formatted(created.key(), timeout))),
          timeout,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      waiter.fail(unavailable());
      return result;
    }
    // it may have ended in the creating transaction, or before the waiter was registered
    waiter.check();
    return result;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onEnded(ProcessInstanceEnded event) {
    Waiter waiter = waiters.get(event.processInstanceKey());
    if (waiter != null) {
      waiter.check();
    }
  }

  private void checkAll() {
    for (Waiter waiter : waiters.values()) {
      try {
        waiter.check();
      } catch (RuntimeException e) {
        if (timer != null) {
          LOG.warn("Checking instance {} for completion failed", waiter.created.key(), e);
        }
      }
    }
  }

  @Override
  public synchronized void start() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> daemon(r));
    // on stop, pending time-outs are dropped: stop() answers those requests itself
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    scheduler.setRemoveOnCancelPolicy(true);
    timer = scheduler;
    timer.scheduleWithFixedDelay(this::checkAll, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Before the web server and the DataSource go: no more database work, waiters answered 503. */
  @Override
  public synchronized void stop() {
    ScheduledExecutorService scheduler = timer;
    timer = null;
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    waiters.values().forEach(waiter -> waiter.fail(unavailable()));
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }

  private static EngineException unavailable() {
    return new EngineException(503, "UNAVAILABLE", "The engine is shutting down");
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "engine-await-completion");
    thread.setDaemon(true);
    return thread;
  }

  /** One held creation request. */
  private final class Waiter {

    private final ProcessInstanceRecord created;
    private final List<String> fetchVariables;
    private final CompletableFuture<CreateProcessInstanceResult> result;
    private boolean done;

    Waiter(
        ProcessInstanceRecord created,
        List<String> fetchVariables,
        CompletableFuture<CreateProcessInstanceResult> result) {
      this.created = created;
      this.fetchVariables = fetchVariables;
      this.result = result;
    }

    synchronized void check() {
      if (done || timer == null) {
        return;
      }
      ProcessInstanceRecord instance = processInstances.find(created.key()).orElse(null);
      if (instance == null || instance.isActive()) {
        return;
      }
      if (!ProcessInstanceRecord.COMPLETED.equals(instance.state())) {
        fail(
            EngineException.invalidState(
                "Expected the process instance with key '%d' to complete, but it was %s"
                    .formatted(created.key(), instance.state())));
        return;
      }
      done = true;
      result.complete(ProcessInstanceCreationEndpoint.result(created, variables()));
    }

    synchronized void fail(EngineException e) {
      if (!done) {
        done = true;
        result.completeExceptionally(e);
      }
    }

    private Map<String, Object> variables() {
      Map<String, Object> values = new LinkedHashMap<>();
      variables
          .findByScope(created.key())
          .forEach(
              (name, value) -> {
                if (fetchVariables == null
                    || fetchVariables.isEmpty()
                    || fetchVariables.contains(name)) {
                  values.put(name, json.read(value));
                }
              });
      return values;
    }
  }
}
