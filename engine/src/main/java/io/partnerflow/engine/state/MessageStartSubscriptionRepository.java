package io.partnerflow.engine.state;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Message start events of the latest version of each process (engine.message_start_subscription).
 */
@EngineRepository
public class MessageStartSubscriptionRepository {

  /** One message start event that a message with {@code messageName} triggers. */
  public record Subscription(
      long processDefinitionKey,
      String elementId,
      String bpmnProcessId,
      String messageName,
      String tenantId) {}

  private final JdbcClient jdbc;

  public MessageStartSubscriptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Subscription s) {
    jdbc.sql(
            "INSERT INTO engine.message_start_subscription (process_definition_key, element_id,"
                + " bpmn_process_id, message_name, tenant_id) VALUES (?,?,?,?,?)")
        .params(
            s.processDefinitionKey(),
            s.elementId(),
            s.bpmnProcessId(),
            s.messageName(),
            s.tenantId())
        .update();
  }

  /** A new version replaces the subscriptions of the previous ones. */
  public void deleteForProcess(String tenantId, String bpmnProcessId) {
    jdbc.sql(
            "DELETE FROM engine.message_start_subscription WHERE tenant_id = ?"
                + " AND bpmn_process_id = ?")
        .params(tenantId, bpmnProcessId)
        .update();
  }

  /** Subscriptions for a message name, by process id. */
  public List<Subscription> findByName(String tenantId, String messageName) {
    return jdbc.sql(
            "SELECT process_definition_key, element_id, bpmn_process_id, message_name, tenant_id"
                + " FROM engine.message_start_subscription WHERE tenant_id = ? AND message_name = ?"
                + " ORDER BY bpmn_process_id, element_id")
        .params(tenantId, messageName)
        .query(Subscription.class)
        .list();
  }

  public List<Subscription> findByProcess(String tenantId, String bpmnProcessId) {
    return jdbc.sql(
            "SELECT process_definition_key, element_id, bpmn_process_id, message_name, tenant_id"
                + " FROM engine.message_start_subscription WHERE tenant_id = ?"
                + " AND bpmn_process_id = ? ORDER BY message_name")
        .params(tenantId, bpmnProcessId)
        .query(Subscription.class)
        .list();
  }
}
