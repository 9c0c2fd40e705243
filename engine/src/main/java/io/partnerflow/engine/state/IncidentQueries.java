package io.partnerflow.engine.state;

import io.partnerflow.engine.state.SearchColumns.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read side of incidents. */
@EngineRepository
public class IncidentQueries {

  public static final SearchColumns COLUMNS =
      SearchColumns.builder()
          .column("incidentKey", "i.key", Type.KEY)
          .column("processDefinitionKey", "i.process_definition_key", Type.KEY)
          .column("processDefinitionId", "i.bpmn_process_id", Type.STRING)
          .column("processInstanceKey", "i.process_instance_key", Type.KEY)
          .column("errorType", "i.error_type", Type.STRING)
          .column("errorMessage", "i.error_message", Type.STRING)
          .column("elementId", "i.element_id", Type.STRING)
          .column("elementInstanceKey", "i.element_instance_key", Type.KEY)
          .column("creationTime", "i.created", Type.DATE)
          .column("state", "i.state", Type.STRING)
          .column("jobKey", "i.job_key", Type.KEY)
          .column("tenantId", "i.tenant_id", Type.STRING)
          .build();

  private static final String SELECT =
      "SELECT i.key, i.process_instance_key, i.process_definition_key, i.bpmn_process_id,"
          + " i.element_instance_key, i.element_id, i.job_key, i.error_type, i.error_message,"
          + " i.state, i.created, i.tenant_id";

  private static final String FROM = "FROM engine.incident i";

  private static final SqlSearch SEARCH = new SqlSearch(SELECT, FROM, COLUMNS, "i.key");

  private final JdbcClient jdbc;

  public IncidentQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<IncidentView> find(long key) {
    return jdbc.sql(SELECT + " " + FROM + " WHERE i.key = ?")
        .param(key)
        .query(IncidentQueries::map)
        .optional();
  }

  public SearchPage<IncidentView> search(Map<String, FieldFilter<?>> filters, SearchPaging paging) {
    return SEARCH.run(jdbc, new SqlWhere().filters(COLUMNS, filters), paging, IncidentQueries::map);
  }

  /**
   * The incidents of an instance and of the instances it called, at any depth (POST
   * /v2/process-instances/{key}/incidents/search, as Camunda 8 answers it).
   */
  public SearchPage<IncidentView> searchInTree(long processInstanceKey, SearchPaging paging) {
    SqlWhere where = new SqlWhere();
    String key = where.param(processInstanceKey);
    where.and(
        "(i.process_instance_key = "
            + key
            + " OR EXISTS (SELECT 1 FROM engine.incident_ancestor ia WHERE ia.incident_key = i.key"
            + " AND ia.process_instance_key = "
            + key
            + "))");
    return SEARCH.run(jdbc, where, paging, IncidentQueries::map);
  }

  private static IncidentView map(ResultSet rs, int row) throws SQLException {
    return new IncidentView(
        rs.getLong("key"),
        rs.getLong("process_instance_key"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getLong("element_instance_key"),
        rs.getString("element_id"),
        Timestamps.nullableLong(rs, "job_key"),
        rs.getString("error_type"),
        rs.getString("error_message"),
        rs.getString("state"),
        Timestamps.get(rs, "created"),
        rs.getString("tenant_id"));
  }
}
