package io.partnerflow.engine.state;

import io.partnerflow.engine.state.SearchColumns.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read side of element instances (the element history of process instances). As in Camunda, the
 * process itself is not an element instance here: only its flow nodes are.
 */
@EngineRepository
public class ElementInstanceQueries {

  /** A call activity has an incident while one is active in the instance it called. */
  private static final String HAS_INCIDENT = IncidentAncestors.ELEMENT_HAS_INCIDENT_IN_TREE;

  public static final SearchColumns COLUMNS =
      SearchColumns.builder()
          .column("elementInstanceKey", "e.key", Type.KEY)
          .column("processInstanceKey", "e.process_instance_key", Type.KEY)
          .column("processDefinitionKey", "p.process_definition_key", Type.KEY)
          .column("processDefinitionId", "p.bpmn_process_id", Type.STRING)
          .column("elementId", "e.element_id", Type.STRING)
          .column("elementName", "e.element_name", Type.STRING)
          .column("type", "e.element_type", Type.STRING)
          .enumeration("state", "e.state", Set.of("ACTIVE", "COMPLETED", "TERMINATED"))
          .column("startDate", "e.start_date", Type.DATE)
          .column("endDate", "e.end_date", Type.DATE)
          .filterOnly("hasIncident", HAS_INCIDENT, Type.BOOLEAN)
          .column("incidentKey", "e.incident_key", Type.KEY)
          .column("tenantId", "p.tenant_id", Type.STRING)
          .filterOnly("elementInstanceScopeKey", "e.flow_scope_key", Type.KEY)
          .build();

  private static final String SELECT =
      "SELECT e.key, e.process_instance_key, p.process_definition_key, p.bpmn_process_id,"
          + " e.element_id, e.element_name, e.element_type, e.state, e.start_date, e.end_date, "
          + HAS_INCIDENT
          + " AS has_incident, e.incident_key, p.tenant_id";

  private static final String FROM =
      "FROM engine.element_instance e"
          + " JOIN engine.process_instance p ON p.key = e.process_instance_key";

  private static final String NOT_THE_PROCESS = "e.element_type <> 'PROCESS'";

  private static final SqlSearch SEARCH = new SqlSearch(SELECT, FROM, COLUMNS, "e.key");

  private final JdbcClient jdbc;

  public ElementInstanceQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<ElementInstanceView> find(long key) {
    return jdbc.sql(SELECT + " " + FROM + " WHERE e.key = ? AND " + NOT_THE_PROCESS)
        .param(key)
        .query(ElementInstanceQueries::map)
        .optional();
  }

  public SearchPage<ElementInstanceView> search(
      Map<String, FieldFilter<?>> filters, SearchPaging paging) {
    SqlWhere where = new SqlWhere().and(NOT_THE_PROCESS).filters(COLUMNS, filters);
    return SEARCH.run(jdbc, where, paging, ElementInstanceQueries::map);
  }

  private static ElementInstanceView map(ResultSet rs, int row) throws SQLException {
    return new ElementInstanceView(
        rs.getLong("key"),
        rs.getLong("process_instance_key"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getString("element_id"),
        rs.getString("element_name"),
        rs.getString("element_type"),
        rs.getString("state"),
        Timestamps.get(rs, "start_date"),
        Timestamps.get(rs, "end_date"),
        rs.getBoolean("has_incident"),
        Timestamps.nullableLong(rs, "incident_key"),
        rs.getString("tenant_id"));
  }
}
