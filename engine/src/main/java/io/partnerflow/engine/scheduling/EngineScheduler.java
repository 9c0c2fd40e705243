package io.partnerflow.engine.scheduling;

import io.partnerflow.engine.command.ExpireMessagesCommand;
import io.partnerflow.engine.command.PendingSignals;
import io.partnerflow.engine.command.TriggerStartTimerCommand;
import io.partnerflow.engine.command.TriggerTimerCommand;
import io.partnerflow.engine.state.PinnedClock;
import io.partnerflow.engine.state.SchedulerWakeUp;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fires due timers and deletes expired messages, on one background thread per node, every {@code
 * partnerflow.engine.scheduler.poll-interval} and at once after a timer is created or the clock is
 * moved. Safe with several nodes on one database: each timer is claimed with {@code FOR UPDATE SKIP
 * LOCKED} and fires exactly once. Each poll first applies a clock pinned on another node.
 */
@Component
public class EngineScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EngineScheduler.class);

  private final SchedulerProperties properties;
  private final TriggerTimerCommand timers;
  private final TriggerStartTimerCommand startTimers;
  private final ExpireMessagesCommand expiry;
  private final PinnedClock pinnedClock;
  private final PendingSignals pendingSignals;
  private final AtomicLong firedTimers = new AtomicLong();
  private final Object signal = new Object();
  private volatile boolean running;
  private boolean woken;
  private Thread thread;

  public EngineScheduler(
      SchedulerProperties properties,
      TriggerTimerCommand timers,
      TriggerStartTimerCommand startTimers,
      ExpireMessagesCommand expiry,
      PinnedClock pinnedClock,
      PendingSignals pendingSignals) {
    this.properties = properties;
    this.timers = timers;
    this.startTimers = startTimers;
    this.expiry = expiry;
    this.pinnedClock = pinnedClock;
    this.pendingSignals = pendingSignals;
  }

  /**
   * One round: applies the shared clock, fires every due timer, deletes expired messages, delivers
   * buffered messages a stopped node left undelivered and broadcasts thrown signals that were not
   * broadcast after their command (a failure, a node stopped in between). Returns how many element
   * timers this call fired. Safe to call concurrently (and from other nodes).
   */
  public int pollOnce() {
    pinnedClock.refresh();
    int fired = fireDueTimers();
    fireDueStartTimers();
    firedTimers.addAndGet(fired);
    int batch = Math.max(1, properties.getBatchSize());
    while (expiry.execute(batch) == batch) {
      // more expired messages are waiting
    }
    expiry.redeliver(batch);
    while (pendingSignals.deliver(batch) == batch) {
      // more thrown signals are waiting
    }
    return fired;
  }

  /** How many timers this scheduler has fired since it was created. */
  public long firedTimers() {
    return firedTimers.get();
  }

  private int fireDueTimers() {
    int batch = Math.max(1, properties.getBatchSize());
    int fired = 0;
    while (true) {
      List<Long> due = timers.due(batch);
      int firedThisRound = 0;
      for (Long key : due) {
        try {
          if (timers.trigger(key) == TriggerTimerCommand.Outcome.FIRED) {
            firedThisRound++;
          }
        } catch (RuntimeException e) {
          LOG.warn("Timer {} could not be fired, retrying at the next poll", key, e);
        }
      }
      fired += firedThisRound;
      // a full batch that made progress: more may be due; otherwise wait for the next poll
      if (due.size() < batch || firedThisRound == 0) {
        return fired;
      }
    }
  }

  /** Timer start events: each firing creates an instance (and schedules a cycle's next one). */
  private int fireDueStartTimers() {
    int batch = Math.max(1, properties.getBatchSize());
    int fired = 0;
    while (true) {
      List<Long> due = startTimers.due(batch);
      int firedThisRound = 0;
      for (Long key : due) {
        try {
          if (startTimers.trigger(key)) {
            firedThisRound++;
          }
        } catch (RuntimeException e) {
          LOG.warn("Start timer {} could not be fired, retrying at the next poll", key, e);
        }
      }
      fired += firedThisRound;
      if (due.size() < batch || firedThisRound == 0) {
        return fired;
      }
    }
  }

  /** Polls at once after the transaction that created a timer or moved the clock commits. */
  @TransactionalEventListener(fallbackExecution = true)
  void onWakeUp(SchedulerWakeUp event) {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  @Override
  public synchronized void start() {
    if (running || !properties.isEnabled()) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "engine-scheduler");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    if (thread != null) {
      try {
        // let a running poll finish its transaction rather than interrupt it mid-statement
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        thread.interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      try {
        pollOnce();
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("Scheduler poll failed: {}", e.getMessage(), e);
        }
      }
      try {
        synchronized (signal) {
          if (!woken) {
            signal.wait(Math.max(1, properties.getPollInterval().toMillis()));
          }
          woken = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
