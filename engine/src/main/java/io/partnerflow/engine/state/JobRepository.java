package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JobRepository {

  private static final String COLUMNS =
      "key, type, kind, state, retries, worker, deadline, available_at, error_message,"
          + " custom_headers, process_instance_key, element_instance_key, element_id,"
          + " process_definition_key, bpmn_process_id, process_definition_version, tenant_id";

  private final JdbcClient jdbc;

  public JobRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(JobRecord j, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.job (key, type, kind, state, retries, available_at,"
                + " custom_headers, process_instance_key, element_instance_key, element_id,"
                + " process_definition_key, bpmn_process_id, process_definition_version,"
                + " tenant_id, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            j.key(),
            j.type(),
            j.kind(),
            j.state(),
            j.retries(),
            j.availableAt(),
            j.customHeadersJson(),
            j.processInstanceKey(),
            j.elementInstanceKey(),
            j.elementId(),
            j.processDefinitionKey(),
            j.bpmnProcessId(),
            j.processDefinitionVersion(),
            j.tenantId(),
            created)
        .update();
  }

  public Optional<JobRecord> find(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.job WHERE key = ?")
        .param(key)
        .query(JobRepository::map)
        .optional();
  }

  public Optional<JobRecord> findOpenForElement(long elementInstanceKey) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.job WHERE element_instance_key = ?"
                + " AND state IN ('ACTIVATABLE', 'ACTIVATED')")
        .param(elementInstanceKey)
        .query(JobRepository::map)
        .optional();
  }

  /**
   * Claims up to {@code max} jobs of a type that are ready now (activatable and past back-off, or
   * activated with an expired deadline). Rows another transaction holds are skipped, so two workers
   * never get the same job.
   */
  public List<Long> claimReady(String type, int max, OffsetDateTime now) {
    return jdbc.sql(
            "SELECT key FROM engine.job WHERE type = :type AND ("
                + "(state = 'ACTIVATABLE' AND available_at <= :now)"
                + " OR (state = 'ACTIVATED' AND deadline <= :now))"
                + " ORDER BY key LIMIT :max FOR UPDATE SKIP LOCKED")
        .param("type", type)
        .param("now", now)
        .param("max", max)
        .query(Long.class)
        .list();
  }

  public void activate(List<Long> keys, String worker, OffsetDateTime deadline) {
    jdbc.sql(
            "UPDATE engine.job SET state = 'ACTIVATED', worker = :worker, deadline = :deadline"
                + " WHERE key IN (:keys)")
        .param("worker", worker)
        .param("deadline", deadline)
        .param("keys", keys)
        .update();
  }

  /** The jobs with these keys, in key order (one round trip). */
  public List<JobRecord> findAll(List<Long> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.job WHERE key IN (:keys) ORDER BY key")
        .param("keys", keys)
        .query(JobRepository::map)
        .list();
  }

  /** Locks the job row until the transaction ends and reads it (one round trip). */
  public Optional<JobRecord> findForUpdate(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.job WHERE key = ? FOR UPDATE")
        .param(key)
        .query(JobRepository::map)
        .optional();
  }

  public void setState(long key, String state) {
    jdbc.sql("UPDATE engine.job SET state = ? WHERE key = ?").params(state, key).update();
  }

  /** After a failure: back to ACTIVATABLE (later, after back-off) or FAILED at 0 retries. */
  public void fail(
      long key, String state, int retries, OffsetDateTime availableAt, String errorMessage) {
    jdbc.sql(
            "UPDATE engine.job SET state = ?, retries = ?, available_at = ?, error_message = ?,"
                + " worker = NULL, deadline = NULL WHERE key = ?")
        .params(state, retries, availableAt, errorMessage, key)
        .update();
  }

  public void throwError(long key, String errorCode, String errorMessage) {
    jdbc.sql(
            "UPDATE engine.job SET state = 'ERROR_THROWN', error_code = ?, error_message = ?"
                + " WHERE key = ?")
        .params(errorCode, errorMessage, key)
        .update();
  }

  public void setRetries(long key, int retries) {
    jdbc.sql("UPDATE engine.job SET retries = ? WHERE key = ?").params(retries, key).update();
  }

  public void setDeadline(long key, OffsetDateTime deadline) {
    jdbc.sql("UPDATE engine.job SET deadline = ? WHERE key = ?").params(deadline, key).update();
  }

  /** Row lock on one job, so that completion and activation of one job do not interleave. */
  public void lock(long key) {
    jdbc.sql("SELECT key FROM engine.job WHERE key = ? FOR UPDATE").param(key).query().listOfRows();
  }

  private static JobRecord map(ResultSet rs, int row) throws SQLException {
    return new JobRecord(
        rs.getLong("key"),
        rs.getString("type"),
        rs.getString("kind"),
        rs.getString("state"),
        rs.getInt("retries"),
        rs.getString("worker"),
        Timestamps.get(rs, "deadline"),
        Timestamps.get(rs, "available_at"),
        rs.getString("error_message"),
        rs.getString("custom_headers"),
        rs.getLong("process_instance_key"),
        rs.getLong("element_instance_key"),
        rs.getString("element_id"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getInt("process_definition_version"),
        rs.getString("tenant_id"));
  }
}
