package io.partnerflow.engine.state;

import io.partnerflow.engine.state.writebehind.WriteBehind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class ProcessInstanceRepository {

  private static final String SELECT =
      "SELECT p.key, p.process_definition_key, p.bpmn_process_id, p.version, p.tenant_id,"
          + " p.state, p.start_date, p.end_date, p.parent_process_instance_key,"
          + " p.parent_element_instance_key, p.root_process_instance_key"
          + " FROM engine.process_instance p";

  /**
   * The instance's row and its root's (a called instance's tree), root first: every command locks
   * the root before the instance, so commands on instances of one tree never deadlock, and a
   * command holding the root may continue in any instance of the tree (a called instance completes
   * its call activity, a cancelled instance cancels what it called).
   */
  private static final String TREE_ROWS =
      " WHERE p.key = :key OR p.key = (SELECT r.root_process_instance_key"
          + " FROM engine.process_instance r WHERE r.key = :key) ORDER BY p.key = :key";

  private final JdbcClient jdbc;
  private final WriteBehind writes;

  public ProcessInstanceRepository(JdbcClient jdbc, WriteBehind writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  public void insert(ProcessInstanceRecord p) {
    writes.write(
        "INSERT INTO engine.process_instance (key, process_definition_key, bpmn_process_id,"
            + " version, tenant_id, state, start_date, parent_process_instance_key,"
            + " parent_element_instance_key, root_process_instance_key)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?)",
        p.key(),
        p.processDefinitionKey(),
        p.bpmnProcessId(),
        p.version(),
        p.tenantId(),
        p.state(),
        p.startDate(),
        p.parentProcessInstanceKey(),
        p.parentElementInstanceKey(),
        p.rootProcessInstanceKey());
  }

  public Optional<ProcessInstanceRecord> find(long key) {
    return jdbc.sql(SELECT + " WHERE p.key = ?")
        .param(key)
        .query(ProcessInstanceRepository::map)
        .optional();
  }

  /**
   * Locks the instance row (and first its root's, for a called instance) until the transaction
   * ends: every command that changes an instance takes this lock first, so commands on one instance
   * tree run one after the other.
   */
  public Optional<ProcessInstanceRecord> lock(long key) {
    return jdbc
        .sql(SELECT + TREE_ROWS + " FOR UPDATE OF p")
        .param("key", key)
        .query(ProcessInstanceRepository::map)
        .list()
        .stream()
        .filter(p -> p.key() == key)
        .findFirst();
  }

  /**
   * {@link #lock} on the instance of a job (its root first, as there), the instance found through
   * the job in the same round trip (a job's instance never changes); empty when the job or its
   * instance does not exist.
   */
  public Optional<ProcessInstanceRecord> lockOfJob(long jobKey) {
    String instanceOfJob = "(SELECT j.process_instance_key FROM engine.job j WHERE j.key = :job)";
    List<ProcessInstanceRecord> tree =
        jdbc.sql(SELECT + TREE_ROWS.replace(":key", instanceOfJob) + " FOR UPDATE OF p")
            .param("job", jobKey)
            .query(ProcessInstanceRepository::map)
            .list();
    // TREE_ROWS orders the root first and the instance itself last
    return tree.isEmpty() ? Optional.empty() : Optional.of(tree.get(tree.size() - 1));
  }

  /**
   * Like {@link #lock} but never waits: empty when the instance is missing or another transaction
   * holds it (the scheduler, which holds a timer row lock, must not wait for an instance lock).
   */
  public Optional<ProcessInstanceRecord> tryLock(long key) {
    List<ProcessInstanceRecord> locked =
        jdbc.sql(SELECT + TREE_ROWS + " FOR UPDATE OF p SKIP LOCKED")
            .param("key", key)
            .query(ProcessInstanceRepository::map)
            .list();
    Optional<ProcessInstanceRecord> instance =
        locked.stream().filter(p -> p.key() == key).findFirst();
    boolean rootLocked =
        instance.isPresent() && locked.stream().anyMatch(p -> p.key() == instance.get().lockKey());
    return rootLocked ? instance : Optional.empty();
  }

  /** The active instances a call activity's element instance created (at most one). */
  public List<ProcessInstanceRecord> findActiveCalledBy(long elementInstanceKey) {
    return jdbc.sql(SELECT + " WHERE p.parent_element_instance_key = ? AND p.state = 'ACTIVE'")
        .param(elementInstanceKey)
        .query(ProcessInstanceRepository::map)
        .list();
  }

  public void end(long key, String state, OffsetDateTime endDate) {
    writes.write(
        "UPDATE engine.process_instance SET state = ?, end_date = ? WHERE key = ?",
        state,
        endDate,
        key);
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
        Timestamps.nullableLong(rs, "parent_process_instance_key"),
        Timestamps.nullableLong(rs, "parent_element_instance_key"),
        Timestamps.nullableLong(rs, "root_process_instance_key"));
  }
}
