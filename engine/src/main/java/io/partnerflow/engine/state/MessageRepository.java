package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Buffered messages and the BPMN processes each one has been correlated to. */
@EngineRepository
public class MessageRepository {

  private static final String COLUMNS =
      "key, name, correlation_key, message_id, variables, tenant_id, published, expires_at";

  private final JdbcClient jdbc;

  public MessageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serialises, until the transaction ends, everything that matches messages of one name and
   * correlation key against subscriptions: buffering a message and looking for its subscriptions,
   * and opening a subscription and looking for buffered messages. Without it both could miss each
   * other. Callers may hold process instance locks when taking it, but must not take one while
   * holding it.
   */
  public void lockCorrelation(String tenantId, String name, String correlationKey) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
        // length-prefixed, so that no two (tenant, name, key) triples make the same text
        .param(tenantId.length() + ":" + tenantId + name.length() + ":" + name + correlationKey)
        .query()
        .listOfRows();
  }

  public void insert(MessageRecord m) {
    jdbc.sql("INSERT INTO engine.message (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)")
        .params(
            m.key(),
            m.name(),
            m.correlationKey(),
            m.messageId(),
            m.variablesJson(),
            m.tenantId(),
            m.published(),
            m.expiresAt())
        .update();
  }

  /** Whether a message with this id is still buffered (same tenant, name and correlation key). */
  public boolean existsBuffered(
      String tenantId, String name, String correlationKey, String messageId, OffsetDateTime now) {
    return jdbc.sql(
                "SELECT count(*) FROM engine.message WHERE tenant_id = ? AND name = ?"
                    + " AND correlation_key = ? AND message_id = ? AND expires_at > ?")
            .params(tenantId, name, correlationKey, messageId, now)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Removes an expired message with this id that the scheduler has not deleted yet. */
  public void deleteExpiredWithId(
      String tenantId, String name, String correlationKey, String messageId, OffsetDateTime now) {
    jdbc.sql(
            "DELETE FROM engine.message WHERE tenant_id = ? AND name = ? AND correlation_key = ?"
                + " AND message_id = ? AND expires_at <= ?")
        .params(tenantId, name, correlationKey, messageId, now)
        .update();
  }

  /**
   * The oldest buffered message of this name and correlation key that is not expired and not yet
   * correlated to the BPMN process; its row is share-locked so that expiry cannot delete it before
   * the caller records the correlation.
   */
  public Optional<MessageRecord> findFirstUncorrelated(
      String tenantId,
      String name,
      String correlationKey,
      String bpmnProcessId,
      OffsetDateTime now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.message m WHERE tenant_id = ? AND name = ? AND correlation_key = ?"
                + " AND expires_at > ? AND NOT EXISTS (SELECT 1 FROM engine.message_correlation c"
                + " WHERE c.message_key = m.key AND c.bpmn_process_id = ?)"
                + " ORDER BY key LIMIT 1 FOR SHARE")
        .params(tenantId, name, correlationKey, now, bpmnProcessId)
        .query(MessageRepository::map)
        .optional();
  }

  /**
   * Records that the message is correlated to an instance of the BPMN process; false when it
   * already was (a buffered message correlates at most once per process).
   */
  public boolean claimCorrelation(long messageKey, String bpmnProcessId, long processInstanceKey) {
    return jdbc.sql(
                "INSERT INTO engine.message_correlation (message_key, bpmn_process_id,"
                    + " process_instance_key) VALUES (?,?,?) ON CONFLICT DO NOTHING")
            .params(messageKey, bpmnProcessId, processInstanceKey)
            .update()
        == 1;
  }

  /** The claimed instance did not take the message after all: another one of the process may. */
  public void releaseCorrelation(long messageKey, String bpmnProcessId) {
    jdbc.sql("DELETE FROM engine.message_correlation WHERE message_key = ? AND bpmn_process_id = ?")
        .params(messageKey, bpmnProcessId)
        .update();
  }

  public void setCorrelatedInstance(
      long messageKey, String bpmnProcessId, long processInstanceKey) {
    jdbc.sql(
            "UPDATE engine.message_correlation SET process_instance_key = ? WHERE message_key = ?"
                + " AND bpmn_process_id = ?")
        .params(processInstanceKey, messageKey, bpmnProcessId)
        .update();
  }

  /**
   * Row-locks the record that the message is claimed for the BPMN process, so that deliveries of
   * one message to one process run one after the other; false when there is no such record.
   */
  public boolean lockClaim(long messageKey, String bpmnProcessId) {
    return !jdbc.sql(
            "SELECT 1 FROM engine.message_correlation WHERE message_key = ?"
                + " AND bpmn_process_id = ? FOR UPDATE")
        .params(messageKey, bpmnProcessId)
        .query()
        .listOfRows()
        .isEmpty();
  }

  /**
   * A buffered message claimed for a process but not delivered, and a subscription waiting for it.
   */
  public record Undelivered(long messageKey, long subscriptionKey) {}

  /**
   * Buffered messages claimed for a BPMN process that no subscription of the process has taken (the
   * publishing node stopped before delivering) while one of its subscriptions waits for them;
   * oldest first.
   */
  public List<Undelivered> findUndelivered(OffsetDateTime now, int max) {
    return jdbc.sql(
            "SELECT c.message_key, min(s.key) AS subscription_key"
                + " FROM engine.message_correlation c"
                + " JOIN engine.message m ON m.key = c.message_key"
                + " JOIN engine.message_subscription s ON s.state = 'WAITING'"
                + " AND s.tenant_id = m.tenant_id AND s.message_name = m.name"
                + " AND s.correlation_key = m.correlation_key"
                + " AND s.bpmn_process_id = c.bpmn_process_id"
                + " WHERE m.expires_at > ? AND NOT EXISTS (SELECT 1 FROM"
                + " engine.message_subscription d WHERE d.message_key = c.message_key"
                + " AND d.bpmn_process_id = c.bpmn_process_id AND d.state = 'CORRELATED')"
                + " GROUP BY c.message_key, c.bpmn_process_id ORDER BY c.message_key LIMIT ?")
        .params(now, max)
        .query(
            (rs, row) -> new Undelivered(rs.getLong("message_key"), rs.getLong("subscription_key")))
        .list();
  }

  public Optional<MessageRecord> find(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.message WHERE key = ?")
        .param(key)
        .query(MessageRepository::map)
        .optional();
  }

  /**
   * Deletes up to {@code max} expired messages (with their correlation records); rows another node
   * is deleting or a subscription is reading are skipped. Returns how many were deleted.
   */
  public int deleteExpired(OffsetDateTime now, int max) {
    return jdbc.sql(
            "DELETE FROM engine.message WHERE key IN (SELECT key FROM engine.message"
                + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)")
        .params(now, max)
        .update();
  }

  private static MessageRecord map(ResultSet rs, int row) throws SQLException {
    return new MessageRecord(
        rs.getLong("key"),
        rs.getString("name"),
        rs.getString("correlation_key"),
        rs.getString("message_id"),
        rs.getString("variables"),
        rs.getString("tenant_id"),
        Timestamps.get(rs, "published"),
        Timestamps.get(rs, "expires_at"));
  }
}
