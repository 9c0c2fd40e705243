package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProcessInstanceRepository {

  private static final String SELECT =
      "SELECT p.key, p.process_definition_key, p.bpmn_process_id, p.version, p.tenant_id,"
          + " p.state, p.start_date, p.end_date, EXISTS (SELECT 1 FROM engine.incident i"
          + " WHERE i.process_instance_key = p.key AND i.state = 'ACTIVE') AS has_incident"
          + " FROM engine.process_instance p";

  private final JdbcClient jdbc;

  public ProcessInstanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ProcessInstanceRecord p) {
    jdbc.sql(
            "INSERT INTO engine.process_instance (key, process_definition_key, bpmn_process_id,"
                + " version, tenant_id, state, start_date) VALUES (?,?,?,?,?,?,?)")
        .params(
            p.key(),
            p.processDefinitionKey(),
            p.bpmnProcessId(),
            p.version(),
            p.tenantId(),
            p.state(),
            p.startDate())
        .update();
  }

  public Optional<ProcessInstanceRecord> find(long key) {
    return jdbc.sql(SELECT + " WHERE p.key = ?")
        .param(key)
        .query(ProcessInstanceRepository::map)
        .optional();
  }

  /**
   * Locks the instance row until the transaction ends: every command that changes an instance takes
   * this lock first, so commands on one instance run one after the other.
   */
  public Optional<ProcessInstanceRecord> lock(long key) {
    // one round trip: the row lock applies to p only, not to the incident subquery
    return jdbc.sql(SELECT + " WHERE p.key = ? FOR UPDATE OF p")
        .param(key)
        .query(ProcessInstanceRepository::map)
        .optional();
  }

  /**
   * Like {@link #lock} but never waits: empty when the instance is missing or another transaction
   * holds it (the scheduler, which holds a timer row lock, must not wait for an instance lock).
   */
  public Optional<ProcessInstanceRecord> tryLock(long key) {
    boolean locked =
        jdbc.sql("SELECT key FROM engine.process_instance WHERE key = ? FOR UPDATE SKIP LOCKED")
            .param(key)
            .query(Long.class)
            .optional()
            .isPresent();
    return locked ? find(key) : Optional.empty();
  }

  public void end(long key, String state, OffsetDateTime endDate) {
    jdbc.sql("UPDATE engine.process_instance SET state = ?, end_date = ? WHERE key = ?")
        .params(state, endDate, key)
        .update();
  }

  private static ProcessInstanceRecord map(ResultSet rs, int row) throws SQLException {
    return new ProcessInstanceRecord(
        rs.getLong("key"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getInt("version"),
        rs.getString("tenant_id"),
        rs.getString("state"),
        Timestamps.get(rs, "start_date"),
        Timestamps.get(rs, "end_date"),
        rs.getBoolean("has_incident"));
  }
}
