package io.partnerflow.engine.state;

import io.partnerflow.engine.state.writebehind.WriteBehind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class JobRepository {

  private static final String COLUMNS =
      "key, type, kind, state, retries, worker, deadline, available_at, error_message,"
          + " custom_headers, process_instance_key, element_instance_key, element_id,"
          + " process_definition_key, bpmn_process_id, process_definition_version, tenant_id,"
          + " listener_event_type, listener_index";

  private static final String QUALIFIED_COLUMNS = "j." + COLUMNS.replace(", ", ", j.");

  private final JdbcClient jdbc;
  private final WriteBehind writes;

  public JobRepository(JdbcClient jdbc, WriteBehind writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  /**
   * Inserts a new job and, in the same statement, sends {@code NOTIFY channel, payload} (PostgreSQL
   * delivers it when the transaction commits), sent with the command's next statement or commit.
   */
  public void insertAndNotify(JobRecord j, OffsetDateTime created, String channel, String payload) {
    writes.write(
        "WITH inserted AS (INSERT INTO engine.job (key, type, kind, state, retries,"
            + " available_at, custom_headers, process_instance_key, element_instance_key,"
            + " element_id, process_definition_key, bpmn_process_id,"
            + " process_definition_version, tenant_id, created, listener_event_type,"
            + " listener_index) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING key)"
            + " SELECT pg_notify(?, ?) FROM inserted",
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
        created,
        j.listenerEventType(),
        j.listenerIndex(),
        channel,
        payload);
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
   * The claim's search, {@code claimed}: up to {@code :max} ready jobs of {@code :type} at {@code
   * :now}, row-locked, in key order (see {@link #activateReady}). Public so that the benchmark
   * explains the very search the engine runs.
   */
  public static final String CLAIM_SEARCH =
      "WITH ready AS (SELECT key FROM engine.job WHERE type = :type"
          + " AND state = 'ACTIVATABLE' AND available_at <= :now"
          + " ORDER BY key LIMIT :max FOR UPDATE SKIP LOCKED),"
          + " expired AS (SELECT key FROM engine.job WHERE type = :type"
          + " AND state = 'ACTIVATED' AND deadline <= :now"
          + " ORDER BY key LIMIT :max FOR UPDATE SKIP LOCKED),"
          + " claimed AS (SELECT key FROM ready UNION ALL SELECT key FROM expired"
          + " ORDER BY key LIMIT :max)";

  /**
   * Claims up to {@code max} jobs of a type that are ready now (activatable and past back-off, or
   * activated with an expired deadline), activates them for the worker until the deadline and
   * returns them in key order — one round trip. Rows another transaction holds are skipped, so two
   * workers never get the same job.
   *
   * <p>Each kind is searched on its own, so that each is a plain index walk: activatable jobs in
   * key order ({@code job_ready_idx}), stopping after {@code max}. One search with an OR of both
   * made PostgreSQL combine the two indexes in a bitmap, which read every entry of the type and
   * never marks the entries of claimed jobs dead: between two vacuums a claim read thousands of
   * them. An index walk marks them as it passes, so the next claim skips them.
   */
  public List<JobRecord> activateReady(
      String type, int max, OffsetDateTime now, String worker, OffsetDateTime deadline) {
    List<JobRecord> activated =
        new ArrayList<>(
            jdbc.sql(
                    CLAIM_SEARCH
                        + " UPDATE engine.job j SET state = 'ACTIVATED', worker = :worker,"
                        + " deadline = :deadline FROM claimed WHERE j.key = claimed.key"
                        + " RETURNING "
                        + QUALIFIED_COLUMNS)
                .param("type", type)
                .param("now", now)
                .param("max", max)
                .param("worker", worker)
                .param("deadline", deadline)
                .query(JobRepository::map)
                .list());
    activated.sort(Comparator.comparingLong(JobRecord::key));
    return activated;
  }

  /** Locks the job row until the transaction ends and reads it (one round trip). */
  public Optional<JobRecord> findForUpdate(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.job WHERE key = ? FOR UPDATE")
        .param(key)
        .query(JobRepository::map)
        .optional();
  }

  /**
   * Completes the job if it is open (activatable or activated) and returns it, now completed; empty
   * when it does not exist or is not open. One round trip; locks the row like {@link
   * #findForUpdate}.
   */
  /**
   * Completes the job when it is still open, and reads its element instance and that element's flow
   * scope in the same statement: a completion's next reads, one round trip instead of two (the
   * caller holds the instance's lock, so the element rows cannot change meanwhile). Empty when the
   * job does not exist or is no longer open.
   */
  public Optional<CompletedJob> completeIfOpen(long key) {
    List<JobRecord> job = new ArrayList<>(1);
    List<ElementInstanceRecord> elements = new ArrayList<>(2);
    jdbc.sql(
            "WITH done AS (UPDATE engine.job j SET state = 'COMPLETED' WHERE j.key = ?"
                + " AND j.state IN ('ACTIVATABLE', 'ACTIVATED') RETURNING "
                + QUALIFIED_COLUMNS
                + ") SELECT done.*, "
                + ElementInstanceRepository.PREFIXED_COLUMNS
                + " FROM done LEFT JOIN LATERAL (SELECT * FROM engine.element_instance x"
                + " WHERE x.key = done.element_instance_key OR x.key = (SELECT f.flow_scope_key"
                + " FROM engine.element_instance f WHERE f.key = done.element_instance_key)) e"
                + " ON true")
        .param(key)
        .query(
            rs -> {
              if (job.isEmpty()) {
                job.add(map(rs, 0));
              }
              if (rs.getObject(ElementInstanceRepository.PREFIX + "key") != null) {
                elements.add(ElementInstanceRepository.mapPrefixed(rs));
              }
            });
    return job.isEmpty() ? Optional.empty() : Optional.of(new CompletedJob(job.get(0), elements));
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

  /** Whether the listener at this position of the element instance and event type completed. */
  public boolean completedListener(
      long elementInstanceKey, String kind, String eventType, int listenerIndex) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.job WHERE element_instance_key = ? AND kind = ?"
                + " AND listener_event_type = ? AND listener_index = ? AND state = 'COMPLETED')")
        .params(elementInstanceKey, kind, eventType, listenerIndex)
        .query(Boolean.class)
        .single();
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
        rs.getString("tenant_id"),
        rs.getString("listener_event_type"),
        (Integer) rs.getObject("listener_index"));
  }
}
