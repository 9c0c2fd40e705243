package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class MessageSubscriptionRepository {

  private static final String COLUMNS =
      "key, element_instance_key, element_id, process_instance_key, process_definition_key,"
          + " bpmn_process_id, message_name, correlation_key, tenant_id, state, message_key,"
          + " created";

  private final JdbcClient jdbc;

  public MessageSubscriptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(MessageSubscriptionRecord s) {
    jdbc.sql(
            "INSERT INTO engine.message_subscription ("
                + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            s.key(),
            s.elementInstanceKey(),
            s.elementId(),
            s.processInstanceKey(),
            s.processDefinitionKey(),
            s.bpmnProcessId(),
            s.messageName(),
            s.correlationKey(),
            s.tenantId(),
            s.state(),
            s.messageKey(),
            s.created())
        .update();
  }

  public Optional<MessageSubscriptionRecord> find(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.message_subscription WHERE key = ?")
        .param(key)
        .query(MessageSubscriptionRepository::map)
        .optional();
  }

  /** The newest subscription that an element instance opened for an event. */
  public Optional<MessageSubscriptionRecord> findLatest(long elementInstanceKey, String elementId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.message_subscription WHERE element_instance_key = ?"
                + " AND element_id = ? ORDER BY key DESC LIMIT 1")
        .params(elementInstanceKey, elementId)
        .query(MessageSubscriptionRepository::map)
        .optional();
  }

  /** Waiting subscriptions for a message, oldest first. */
  public List<MessageSubscriptionRecord> findWaiting(
      String tenantId, String messageName, String correlationKey) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.message_subscription WHERE state = 'WAITING' AND tenant_id = ?"
                + " AND message_name = ? AND correlation_key = ? ORDER BY key")
        .params(tenantId, messageName, correlationKey)
        .query(MessageSubscriptionRepository::map)
        .list();
  }

  /** Whether a subscription of the BPMN process has taken the message. */
  public boolean deliveredToProcess(long messageKey, String bpmnProcessId) {
    return jdbc.sql(
                "SELECT count(*) FROM engine.message_subscription WHERE message_key = ?"
                    + " AND bpmn_process_id = ? AND state = 'CORRELATED'")
            .params(messageKey, bpmnProcessId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The subscription's message arrived: it is closed with the message's key. */
  public void correlated(long key, long messageKey, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE engine.message_subscription SET state = 'CORRELATED', message_key = ?,"
                + " closed = ? WHERE key = ?")
        .params(messageKey, at, key)
        .update();
  }

  /** The element was left another way (terminated): its waiting subscriptions are deleted. */
  /** The waiting subscription an element instance holds for one event is deleted. */
  public void deleteWaitingFor(long elementInstanceKey, String elementId, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE engine.message_subscription SET state = 'DELETED', closed = ?"
                + " WHERE element_instance_key = ? AND element_id = ? AND state = 'WAITING'")
        .params(at, elementInstanceKey, elementId)
        .update();
  }

  public void deleteWaitingFor(long elementInstanceKey, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE engine.message_subscription SET state = 'DELETED', closed = ?"
                + " WHERE element_instance_key = ? AND state = 'WAITING'")
        .params(at, elementInstanceKey)
        .update();
  }

  private static MessageSubscriptionRecord map(ResultSet rs, int row) throws SQLException {
    return new MessageSubscriptionRecord(
        rs.getLong("key"),
        rs.getLong("element_instance_key"),
        rs.getString("element_id"),
        rs.getLong("process_instance_key"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getString("message_name"),
        rs.getString("correlation_key"),
        rs.getString("tenant_id"),
        rs.getString("state"),
        Timestamps.nullableLong(rs, "message_key"),
        Timestamps.get(rs, "created"));
  }
}
