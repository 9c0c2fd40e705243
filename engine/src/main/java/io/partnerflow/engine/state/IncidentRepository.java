package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class IncidentRepository {

  private final JdbcClient jdbc;

  public IncidentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(IncidentRecord i, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.incident (key, process_instance_key, element_instance_key,"
                + " element_id, process_definition_key, bpmn_process_id, job_key, error_type,"
                + " error_message, state, tenant_id, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            i.key(),
            i.processInstanceKey(),
            i.elementInstanceKey(),
            i.elementId(),
            i.processDefinitionKey(),
            i.bpmnProcessId(),
            i.jobKey(),
            i.errorType(),
            i.errorMessage(),
            i.state(),
            i.tenantId(),
            created)
        .update();
  }

  /** Resolves the open incidents of an element instance (it was terminated or completed). */
  public void resolveForElement(long elementInstanceKey) {
    jdbc.sql(
            "UPDATE engine.incident SET state = 'RESOLVED' WHERE element_instance_key = ?"
                + " AND state = 'ACTIVE'")
        .param(elementInstanceKey)
        .update();
  }

  public Optional<IncidentRecord> find(long key) {
    return jdbc.sql(
            "SELECT key, process_instance_key, element_instance_key, element_id,"
                + " process_definition_key, bpmn_process_id, job_key, error_type, error_message,"
                + " state, tenant_id FROM engine.incident WHERE key = ?")
        .param(key)
        .query(IncidentRepository::map)
        .optional();
  }

  /** Resolves one incident; false when it was not active. */
  public boolean resolve(long key) {
    return jdbc.sql(
                "UPDATE engine.incident SET state = 'RESOLVED' WHERE key = ? AND state = 'ACTIVE'")
            .param(key)
            .update()
        == 1;
  }

  /** The incident arose while completing its element (output mappings), not activating it. */
  public void markRaisedOnCompletion(long key) {
    jdbc.sql("UPDATE engine.incident SET on_completion = true WHERE key = ?").param(key).update();
  }

  public boolean raisedOnCompletion(long key) {
    return jdbc.sql("SELECT on_completion FROM engine.incident WHERE key = ?")
        .param(key)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private static IncidentRecord map(ResultSet rs, int row) throws SQLException {
    return new IncidentRecord(
        rs.getLong("key"),
        rs.getLong("process_instance_key"),
        rs.getLong("element_instance_key"),
        rs.getString("element_id"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        Timestamps.nullableLong(rs, "job_key"),
        rs.getString("error_type"),
        rs.getString("error_message"),
        rs.getString("state"),
        rs.getString("tenant_id"));
  }
}
