package io.partnerflow.engine.state;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * engine.pending_signal: signals thrown by signal throw and end events, stored with the throwing
 * command and deleted by the broadcast that delivers them (see command.PendingSignals).
 */
@EngineRepository
public class PendingSignalRepository {

  /** A thrown signal not yet broadcast; {@code variablesJson} is a JSON object. */
  public record PendingSignal(long key, String signalName, String tenantId, String variablesJson) {}

  private final JdbcClient jdbc;

  public PendingSignalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(PendingSignal signal, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.pending_signal (key, signal_name, tenant_id, variables, created)"
                + " VALUES (?,?,?,?,?)")
        .params(
            signal.key(), signal.signalName(), signal.tenantId(), signal.variablesJson(), created)
        .update();
  }

  /**
   * Claims the oldest pending signal that no other transaction is broadcasting, except those in
   * {@code skip} (row lock until the transaction ends).
   */
  public Optional<PendingSignal> claimNext(Collection<Long> skip) {
    return jdbc.sql(
            "SELECT key, signal_name, tenant_id, variables AS variables_json"
                + " FROM engine.pending_signal WHERE key <> ALL(?::bigint[]) ORDER BY key LIMIT 1"
                + " FOR UPDATE SKIP LOCKED")
        .param(skip.toArray(Long[]::new))
        .query(PendingSignal.class)
        .optional();
  }

  public void delete(long key) {
    jdbc.sql("DELETE FROM engine.pending_signal WHERE key = ?").param(key).update();
  }
}
