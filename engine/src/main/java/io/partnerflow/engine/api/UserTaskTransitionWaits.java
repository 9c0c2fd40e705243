package io.partnerflow.engine.api;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.UserTaskTransitionEnded;
import io.partnerflow.engine.state.UserTaskTransitionRepository;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Holds the answer to a user task request whose transition waits for task listeners, as Camunda
 * does: 204 once the listeners have let it through, 409 when one denied it. Woken in-process when
 * the transition ends (after its commit); a check every 500 ms answers requests whose transition
 * ended on another node (as applied: a denial there is not told apart). After 25 s (before the
 * servlet container's own async time-out) a 504; the transition itself goes on. A transition
 * dropped because the task's element was terminated is a 409.
 */
@Component
class UserTaskTransitionWaits implements SmartLifecycle {

  private static final Duration TIMEOUT = Duration.ofSeconds(25);
  private static final Duration SWEEP = Duration.ofMillis(500);

  /** A held request: the task's element instance and the transition it waits for. */
  private record Wait(
      long elementInstanceKey,
      String eventType,
      String command,
      long deadlineNanos,
      CompletableFuture<ResponseEntity<Void>> answer) {}

  private final UserTaskTransitionRepository transitions;
  private final List<Wait> waits = new CopyOnWriteArrayList<>();
  // transitions that ended before their request registered (a very fast listener)
  private final Map<Long, UserTaskTransitionEnded> recent = new ConcurrentHashMap<>();
  private ScheduledExecutorService sweeper;

  UserTaskTransitionWaits(UserTaskTransitionRepository transitions) {
    this.transitions = transitions;
  }

  @Override
  public synchronized void start() {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "engine-user-task-waits");
              thread.setDaemon(true);
              return thread;
            });
    sweeper.scheduleWithFixedDelay(
        this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Before the web server and the DataSource go: held requests are answered 503. */
  @Override
  public synchronized void stop() {
    if (sweeper == null) {
      return;
    }
    sweeper.shutdownNow();
    sweeper = null;
    for (Wait wait : waits) {
      wait.answer()
          .completeExceptionally(
              new EngineException(503, "UNAVAILABLE", "The engine is shutting down"));
    }
    waits.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return sweeper != null;
  }

  /** 204 at once, or — when the request started a transition — when it ends. */
  CompletableFuture<ResponseEntity<Void>> answer(
      boolean waiting, long elementInstanceKey, String eventType, String command) {
    if (!waiting) {
      return CompletableFuture.completedFuture(ResponseEntity.noContent().build());
    }
    Wait wait =
        new Wait(
            elementInstanceKey,
            eventType,
            command,
            System.nanoTime() + TIMEOUT.toNanos(),
            new CompletableFuture<>());
    waits.add(wait);
    UserTaskTransitionEnded ended = recent.remove(elementInstanceKey);
    if (ended != null && ended.eventType().equals(eventType)) {
      finish(wait, ended);
    }
    return wait.answer();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void ended(UserTaskTransitionEnded event) {
    boolean answered = false;
    for (Wait wait : waits) {
      if (wait.elementInstanceKey() == event.elementInstanceKey()
          && wait.eventType().equals(event.eventType())) {
        finish(wait, event);
        answered = true;
      }
    }
    if (!answered) {
      recent.put(event.elementInstanceKey(), event);
    }
  }

  private void finish(Wait wait, UserTaskTransitionEnded event) {
    waits.remove(wait);
    if (event.terminated()) {
      wait.answer()
          .completeExceptionally(
              EngineException.invalidState(
                  ("Command '%s' rejected with code 'INVALID_STATE': the User Task with key '%d'"
                          + " was canceled (its element was terminated) before its task listeners"
                          + " finished")
                      .formatted(wait.command(), event.userTaskKey())));
      return;
    }
    if (!event.denied()) {
      wait.answer().complete(ResponseEntity.noContent().build());
      return;
    }
    wait.answer()
        .completeExceptionally(
            EngineException.invalidState(
                ("Command '%s' rejected with code 'INVALID_STATE': %s of the User Task with key"
                        + " '%d' was denied by Task Listener. Reason to deny: '%s'")
                    .formatted(
                        wait.command(),
                        noun(wait.command()),
                        event.userTaskKey(),
                        event.deniedReason() == null ? "" : event.deniedReason())));
  }

  private void sweep() {
    long now = System.nanoTime();
    recent.clear(); // kept for one sweep at most: only a request registering now can need it
    for (Iterator<Wait> it = waits.iterator(); it.hasNext(); ) {
      Wait wait = it.next();
      try {
        if (now - wait.deadlineNanos() > 0) {
          waits.remove(wait);
          wait.answer()
              .completeExceptionally(
                  new EngineException(
                      504,
                      "DEADLINE_EXCEEDED",
                      "Expected the task listeners of the user task to finish within %d s"
                              .formatted(TIMEOUT.toSeconds())
                          + "; the transition goes on"));
        } else if (!stillWaiting(wait)) {
          // ended on another node
          waits.remove(wait);
          wait.answer().complete(ResponseEntity.noContent().build());
        }
      } catch (RuntimeException e) {
        // the database is unavailable for a moment: try again at the next sweep
      }
    }
  }

  private boolean stillWaiting(Wait wait) {
    return transitions
        .taskOfElement(wait.elementInstanceKey())
        .flatMap(transitions::find)
        .map(t -> t.eventType().equals(wait.eventType()))
        .orElse(false);
  }

  private static String noun(String command) {
    return switch (command) {
      case "COMPLETE" -> "Completion";
      case "UPDATE" -> "Update";
      default -> "Assignment";
    };
  }
}
