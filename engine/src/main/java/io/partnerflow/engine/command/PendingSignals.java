package io.partnerflow.engine.command;

import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.PendingSignalRepository;
import io.partnerflow.engine.state.PendingSignalRepository.PendingSignal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Broadcasts the signals that throw and end events stored (engine.pending_signal), for the
 * scheduler, which a throw wakes at once after its command commits. Each pending signal is claimed
 * with {@code FOR UPDATE SKIP LOCKED}, broadcast and deleted in one transaction: delivered exactly
 * once, never lost (a failure or a stopped node leaves it pending for the next poll, on any node).
 */
@Component
public class PendingSignals {

  private static final Logger LOG = LoggerFactory.getLogger(PendingSignals.class);

  private final PendingSignalRepository pending;
  private final SignalBroadcaster broadcaster;
  private final JsonValues json;
  private final TransactionTemplate transaction;

  PendingSignals(
      PendingSignalRepository pending,
      SignalBroadcaster broadcaster,
      JsonValues json,
      PlatformTransactionManager transactionManager) {
    this.pending = pending;
    this.broadcaster = broadcaster;
    this.json = json;
    this.transaction = new TransactionTemplate(transactionManager);
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
