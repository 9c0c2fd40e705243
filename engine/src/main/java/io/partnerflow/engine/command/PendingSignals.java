package io.partnerflow.engine.command;

import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.PendingSignalRepository;
import io.partnerflow.engine.state.PendingSignalRepository.PendingSignal;
import io.partnerflow.engine.state.SignalThrown;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Broadcasts the signals that throw and end events stored (engine.pending_signal): right after the
 * throwing command commits, on its thread, and otherwise (a failure, a node stopped in between) at
 * the scheduler's next poll. Each pending signal is claimed with {@code FOR UPDATE SKIP LOCKED},
 * broadcast and deleted in one transaction: delivered exactly once, never lost.
 */
@Component
public class PendingSignals {

  private static final Logger LOG = LoggerFactory.getLogger(PendingSignals.class);

  /**
   * Broadcasts per call after a commit; a model that keeps throwing leaves the rest to the poll.
   */
  private static final int MAX_AFTER_COMMIT = 100;

  private final PendingSignalRepository pending;
  private final SignalBroadcaster broadcaster;
  private final JsonValues json;
  private final TransactionTemplate transaction;
  private final ThreadLocal<Boolean> delivering = ThreadLocal.withInitial(() -> false);

  PendingSignals(
      PendingSignalRepository pending,
      SignalBroadcaster broadcaster,
      JsonValues json,
      PlatformTransactionManager transactionManager) {
    this.pending = pending;
    this.broadcaster = broadcaster;
    this.json = json;
    this.transaction = new TransactionTemplate(transactionManager);
    // after a commit the finished transaction's resources are still bound to the thread
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @TransactionalEventListener
  void onThrown(SignalThrown event) {
    if (delivering.get()) {
      return; // a broadcast on this thread threw it: the loop below picks it up
    }
    delivering.set(true);
    try {
      deliver(MAX_AFTER_COMMIT);
    } catch (RuntimeException e) {
      LOG.warn("Thrown signals could not be broadcast yet; the scheduler retries", e);
    } finally {
      delivering.set(false);
    }
  }

  /**
   * Broadcasts up to {@code max} pending signals, oldest first, each in its own transaction; one
   * whose broadcast fails stays pending (rolled back whole) and the next ones go on. Returns how
   * many were delivered.
   */
  public int deliver(int max) {
    int delivered = 0;
    Set<Long> failed = new HashSet<>();
    while (delivered < max) {
      Optional<Long> done;
      try {
        done = transaction.execute(status -> deliverNext(failed));
      } catch (RuntimeException e) {
        LOG.warn("A thrown signal could not be broadcast; the scheduler retries it", e);
        continue;
      }
      if (done == null || done.isEmpty()) {
        return delivered;
      }
      delivered++;
    }
    return delivered;
  }

  /** The key of the signal delivered; empty when none is pending (except those that failed). */
  private Optional<Long> deliverNext(Set<Long> failed) {
    Optional<PendingSignal> next = pending.claimNext(failed);
    if (next.isEmpty()) {
      return Optional.empty();
    }
    PendingSignal signal = next.get();
    failed.add(signal.key()); // removed again below once it is delivered
    broadcaster.broadcast(
        signal.tenantId(), signal.signalName(), json.readObject(signal.variablesJson()));
    pending.delete(signal.key());
    failed.remove(signal.key());
    return Optional.of(signal.key());
  }
}
