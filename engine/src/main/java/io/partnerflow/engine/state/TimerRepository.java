package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class TimerRepository {

  private static final String COLUMNS =
      "key, element_instance_key, element_id, process_instance_key, process_definition_key,"
          + " tenant_id, due_date, state, repetitions, cycle_interval";

  private final JdbcClient jdbc;

  public TimerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(TimerRecord t, OffsetDateTime created) {
    jdbc.sql("INSERT INTO engine.timer (" + COLUMNS + ", created) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            t.key(),
            t.elementInstanceKey(),
            t.elementId(),
            t.processInstanceKey(),
            t.processDefinitionKey(),
            t.tenantId(),
            t.dueDate(),
            t.state(),
            t.repetitions(),
            t.cycleInterval(),
            created)
        .update();
  }

  public Optional<TimerRecord> find(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.timer WHERE key = ?")
        .param(key)
        .query(TimerRepository::map)
        .optional();
  }

  /** Keys of timers due at {@code now}, earliest first; not locked. */
  public List<Long> findDue(OffsetDateTime now, int max) {
    return jdbc.sql(
            "SELECT key FROM engine.timer WHERE state = 'CREATED' AND due_date <= ?"
                + " ORDER BY due_date, key LIMIT ?")
        .params(now, max)
        .query(Long.class)
        .list();
  }

  /**
   * Claims a timer that is still CREATED and due, row-locked until the transaction ends. A row
   * another transaction holds is skipped (empty), so two schedulers never fire the same timer.
   */
  public Optional<TimerRecord> claimIfDue(long key, OffsetDateTime now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.timer WHERE key = ? AND state = 'CREATED' AND due_date <= ?"
                + " FOR UPDATE SKIP LOCKED")
        .params(key, now)
        .query(TimerRepository::map)
        .optional();
  }

  public void setState(long key, String state) {
    jdbc.sql("UPDATE engine.timer SET state = ? WHERE key = ?").params(state, key).update();
  }

  /** The element no longer waits for this event (e.g. another event sub-process interrupted). */
  public void cancelFor(long elementInstanceKey, String elementId) {
    jdbc.sql(
            "UPDATE engine.timer SET state = 'CANCELED' WHERE element_instance_key = ?"
                + " AND element_id = ? AND state = 'CREATED'")
        .params(elementInstanceKey, elementId)
        .update();
  }

  /** The element was left another way (terminated): its timers will not fire. */
  public void cancelFor(long elementInstanceKey) {
    jdbc.sql(
            "UPDATE engine.timer SET state = 'CANCELED' WHERE element_instance_key = ?"
                + " AND state = 'CREATED'")
        .param(elementInstanceKey)
        .update();
  }

  private static TimerRecord map(ResultSet rs, int row) throws SQLException {
    return new TimerRecord(
        rs.getLong("key"),
        rs.getLong("element_instance_key"),
        rs.getString("element_id"),
        rs.getLong("process_instance_key"),
        rs.getLong("process_definition_key"),
        rs.getString("tenant_id"),
        Timestamps.get(rs, "due_date"),
        rs.getString("state"),
        (Integer) rs.getObject("repetitions"),
        rs.getString("cycle_interval"));
  }
}
