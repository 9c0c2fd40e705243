package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Timers of timer start events (engine.start_timer). */
@EngineRepository
public class StartTimerRepository {

  private static final String COLUMNS =
      "key, process_definition_key, bpmn_process_id, element_id, tenant_id, due_date,"
          + " repetitions, state";

  private final JdbcClient jdbc;

  public StartTimerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(StartTimerRecord t, OffsetDateTime created) {
    jdbc.sql("INSERT INTO engine.start_timer (" + COLUMNS + ", created) VALUES (?,?,?,?,?,?,?,?,?)")
        .params(
            t.key(),
            t.processDefinitionKey(),
            t.bpmnProcessId(),
            t.elementId(),
            t.tenantId(),
            t.dueDate(),
            t.repetitions(),
            t.state(),
            created)
        .update();
  }

  /** A new version was deployed: the timers of the earlier ones will not fire. */
  public void cancelForProcess(String tenantId, String bpmnProcessId) {
    jdbc.sql(
            "UPDATE engine.start_timer SET state = 'CANCELED' WHERE tenant_id = ?"
                + " AND bpmn_process_id = ? AND state = 'CREATED'")
        .params(tenantId, bpmnProcessId)
        .update();
  }

  /** Keys of start timers due at {@code now}, earliest first; not locked. */
  public List<Long> findDue(OffsetDateTime now, int max) {
    return jdbc.sql(
            "SELECT key FROM engine.start_timer WHERE state = 'CREATED' AND due_date <= ?"
                + " ORDER BY due_date, key LIMIT ?")
        .params(now, max)
        .query(Long.class)
        .list();
  }

  /**
   * Claims a start timer that is still CREATED and due, row-locked until the transaction ends; a
   * row another scheduler holds is skipped (empty), so it fires once across nodes.
   */
  public Optional<StartTimerRecord> claimIfDue(long key, OffsetDateTime now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.start_timer WHERE key = ? AND state = 'CREATED' AND due_date <= ?"
                + " FOR UPDATE SKIP LOCKED")
        .params(key, now)
        .query(StartTimerRepository::map)
        .optional();
  }

  public void setState(long key, String state) {
    jdbc.sql("UPDATE engine.start_timer SET state = ? WHERE key = ?").params(state, key).update();
  }

  private static StartTimerRecord map(ResultSet rs, int row) throws SQLException {
    int count = rs.getInt("repetitions");
    Integer repetitions = rs.wasNull() ? null : count;
    return new StartTimerRecord(
        rs.getLong("key"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getString("element_id"),
        rs.getString("tenant_id"),
        Timestamps.get(rs, "due_date"),
        repetitions,
        rs.getString("state"));
  }
}
