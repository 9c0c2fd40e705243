package io.partnerflow.engine.state;

import io.partnerflow.engine.state.writebehind.WriteBehind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class ElementInstanceRepository {

  private static final String SELECT =
      "SELECT key, process_instance_key, flow_scope_key, element_id, element_type, state,"
          + " start_date, end_date, incident_key FROM engine.element_instance";

  /** Column prefix where another table's statement reads element instances alongside its own. */
  static final String PREFIX = "ei_";

  /** The columns of an element instance {@code e}, each named with {@link #PREFIX}. */
  static final String PREFIXED_COLUMNS =
      "e.key AS ei_key, e.process_instance_key AS ei_process_instance_key,"
          + " e.flow_scope_key AS ei_flow_scope_key, e.element_id AS ei_element_id,"
          + " e.element_type AS ei_element_type, e.state AS ei_state,"
          + " e.start_date AS ei_start_date, e.end_date AS ei_end_date,"
          + " e.incident_key AS ei_incident_key";

  private final JdbcClient jdbc;
  private final WriteBehind writes;

  public ElementInstanceRepository(JdbcClient jdbc, WriteBehind writes) {
    this.jdbc = jdbc;
    this.writes = writes;
  }

  public void insert(ElementInstanceRecord e) {
    insert(e, null);
  }

  /** With the element's name (from the model), which the element-instance search shows. */
  public void insert(ElementInstanceRecord e, String elementName) {
    writes.write(
        "INSERT INTO engine.element_instance (key, process_instance_key, flow_scope_key,"
            + " element_id, element_type, state, start_date, element_name)"
            + " VALUES (?,?,?,?,?,?,?,?)",
        e.key(),
        e.processInstanceKey(),
        e.flowScopeKey(),
        e.elementId(),
        e.elementType(),
        e.state(),
        e.startDate(),
        elementName);
  }

  /**
   * An element instance that ended in the step it started in, written once with its end (one
   * statement instead of an insert and an update).
   */
  public void insertEnded(
      ElementInstanceRecord e, String elementName, String state, OffsetDateTime endDate) {
    writes.write(
        "INSERT INTO engine.element_instance (key, process_instance_key, flow_scope_key,"
            + " element_id, element_type, state, start_date, end_date, element_name)"
            + " VALUES (?,?,?,?,?,?,?,?,?)",
        e.key(),
        e.processInstanceKey(),
        e.flowScopeKey(),
        e.elementId(),
        e.elementType(),
        state,
        e.startDate(),
        endDate,
        elementName);
  }

  public Optional<ElementInstanceRecord> find(long key) {
    return jdbc.sql(SELECT + " WHERE key = ?")
        .param(key)
        .query(ElementInstanceRepository::map)
        .optional();
  }

  /**
   * The element instance and its flow scope (when it has one) in one statement: what a waiting
   * element's completion reads first — the element to leave and the scope its token moves on in.
   */
  public List<ElementInstanceRecord> findWithFlowScope(long key) {
    return jdbc.sql(
            SELECT
                + " WHERE key = ? OR key = (SELECT f.flow_scope_key FROM engine.element_instance f"
                + " WHERE f.key = ?)")
        .params(key, key)
        .query(ElementInstanceRepository::map)
        .list();
  }

  /** Whether any child of the scope is active (without reading the children). */
  public boolean hasActiveChildren(long flowScopeKey) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.element_instance"
                + " WHERE flow_scope_key = ? AND state = 'ACTIVE')")
        .param(flowScopeKey)
        .query(Boolean.class)
        .single();
  }

  public List<ElementInstanceRecord> findActiveChildren(long flowScopeKey) {
    return jdbc.sql(SELECT + " WHERE flow_scope_key = ? AND state = 'ACTIVE' ORDER BY key")
        .param(flowScopeKey)
        .query(ElementInstanceRepository::map)
        .list();
  }

  /** How many children of a scope are in each state (ACTIVE, COMPLETED, TERMINATED). */
  public Map<String, Integer> countChildrenByState(long processInstanceKey, long flowScopeKey) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql(
            "SELECT state, count(*) AS n FROM engine.element_instance"
                + " WHERE process_instance_key = ? AND flow_scope_key = ? GROUP BY state")
        .params(processInstanceKey, flowScopeKey)
        .query((RowCallbackHandler) rs -> counts.put(rs.getString("state"), rs.getInt("n")));
    return counts;
  }

  /** Active element instances of a process instance, innermost (newest) first. */
  public List<ElementInstanceRecord> findActiveInInstance(long processInstanceKey) {
    return jdbc.sql(
            SELECT + " WHERE process_instance_key = ? AND state = 'ACTIVE' ORDER BY key DESC")
        .param(processInstanceKey)
        .query(ElementInstanceRepository::map)
        .list();
  }

  public void end(long key, String state, OffsetDateTime endDate) {
    writes.write(
        "UPDATE engine.element_instance SET state = ?, end_date = ? WHERE key = ?",
        state,
        endDate,
        key);
  }

  public void setIncident(long key, Long incidentKey) {
    jdbc.sql("UPDATE engine.element_instance SET incident_key = ? WHERE key = ?")
        .params(incidentKey, key)
        .update();
  }

  private static ElementInstanceRecord map(ResultSet rs, int row) throws SQLException {
    return map(rs, "");
  }

  /** An element instance read with {@link #PREFIXED_COLUMNS}. */
  static ElementInstanceRecord mapPrefixed(ResultSet rs) throws SQLException {
    return map(rs, PREFIX);
  }

  private static ElementInstanceRecord map(ResultSet rs, String prefix) throws SQLException {
    return new ElementInstanceRecord(
        rs.getLong(prefix + "key"),
        rs.getLong(prefix + "process_instance_key"),
        Timestamps.nullableLong(rs, prefix + "flow_scope_key"),
        rs.getString(prefix + "element_id"),
        rs.getString(prefix + "element_type"),
        rs.getString(prefix + "state"),
        Timestamps.get(rs, prefix + "start_date"),
        Timestamps.get(rs, prefix + "end_date"),
        Timestamps.nullableLong(rs, prefix + "incident_key"));
  }
}
