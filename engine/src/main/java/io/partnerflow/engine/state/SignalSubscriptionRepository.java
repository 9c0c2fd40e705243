package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** engine.signal_subscription: what waits for a signal, found by a broadcast by name. */
@EngineRepository
public class SignalSubscriptionRepository {

  private static final String COLUMNS =
      "key, signal_name, tenant_id, process_definition_key, bpmn_process_id, element_id,"
          + " process_instance_key, element_instance_key, created";

  private final JdbcClient jdbc;

  public SignalSubscriptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(SignalSubscriptionRecord s) {
    jdbc.sql("INSERT INTO engine.signal_subscription (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)")
        .params(
            s.key(),
            s.signalName(),
            s.tenantId(),
            s.processDefinitionKey(),
            s.bpmnProcessId(),
            s.elementId(),
            s.processInstanceKey(),
            s.elementInstanceKey(),
            s.created())
        .update();
  }

  /** Every subscription to the signal, oldest first. */
  public List<SignalSubscriptionRecord> findByName(String tenantId, String signalName) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.signal_subscription WHERE tenant_id = ? AND signal_name = ?"
                + " ORDER BY key")
        .params(tenantId, signalName)
        .query(SignalSubscriptionRepository::map)
        .list();
  }

  public boolean exists(long key) {
    return jdbc.sql("SELECT count(*) FROM engine.signal_subscription WHERE key = ?")
            .param(key)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The element instance has ended: it waits for none of its signals any more. */
  public void deleteByOwner(long elementInstanceKey) {
    jdbc.sql("DELETE FROM engine.signal_subscription WHERE element_instance_key = ?")
        .param(elementInstanceKey)
        .update();
  }

  /** The element instance no longer waits for the signal of one of its events. */
  public void deleteByOwner(long elementInstanceKey, String elementId) {
    jdbc.sql(
            "DELETE FROM engine.signal_subscription WHERE element_instance_key = ?"
                + " AND element_id = ?")
        .params(elementInstanceKey, elementId)
        .update();
  }

  /** A new version of the process replaces the signal start events of the previous ones. */
  public void deleteStartEvents(String tenantId, String bpmnProcessId) {
    jdbc.sql(
            "DELETE FROM engine.signal_subscription WHERE tenant_id = ? AND bpmn_process_id = ?"
                + " AND process_instance_key IS NULL")
        .params(tenantId, bpmnProcessId)
        .update();
  }

  private static SignalSubscriptionRecord map(ResultSet rs, int row) throws SQLException {
    return new SignalSubscriptionRecord(
        rs.getLong("key"),
        rs.getString("signal_name"),
        rs.getString("tenant_id"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getString("element_id"),
        Timestamps.nullableLong(rs, "process_instance_key"),
        Timestamps.nullableLong(rs, "element_instance_key"),
        Timestamps.get(rs, "created"));
  }
}
