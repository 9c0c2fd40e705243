package io.partnerflow.engine.state;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Active instances started by a message with a correlation key (engine.message_start_instance):
 * while one is active, no other instance of the process starts for that key.
 */
@EngineRepository
public class MessageStartInstanceRepository {

  /** The process and correlation key an ended instance held. */
  public record Held(String tenantId, String bpmnProcessId, String correlationKey) {}

  private final JdbcClient jdbc;

  public MessageStartInstanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isHeld(String tenantId, String bpmnProcessId, String correlationKey) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.message_start_instance WHERE tenant_id = ?"
                + " AND bpmn_process_id = ? AND correlation_key = ?)")
        .params(tenantId, bpmnProcessId, correlationKey)
        .query(Boolean.class)
        .single();
  }

  public void hold(
      String tenantId, String bpmnProcessId, String correlationKey, long processInstanceKey) {
    jdbc.sql(
            "INSERT INTO engine.message_start_instance (tenant_id, bpmn_process_id,"
                + " correlation_key, process_instance_key) VALUES (?,?,?,?)")
        .params(tenantId, bpmnProcessId, correlationKey, processInstanceKey)
        .update();
  }

  /** The instance ended: what it held, now free. */
  public Optional<Held> release(long processInstanceKey) {
    return jdbc.sql(
            "DELETE FROM engine.message_start_instance WHERE process_instance_key = ?"
                + " RETURNING tenant_id, bpmn_process_id, correlation_key")
        .param(processInstanceKey)
        .query(Held.class)
        .optional();
  }
}
