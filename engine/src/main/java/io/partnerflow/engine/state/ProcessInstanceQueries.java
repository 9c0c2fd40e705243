package io.partnerflow.engine.state;

import io.partnerflow.engine.state.SearchColumns.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Read side of process instances: get and search (POST /v2/process-instances/search). */
@EngineRepository
public class ProcessInstanceQueries {

  /** As Camunda 8 shows it: an incident in a called instance counts for its callers too. */
  private static final String HAS_INCIDENT = IncidentAncestors.HAS_INCIDENT_IN_TREE;

  /** Filterable and sortable fields of the instance itself. */
  public static final SearchColumns COLUMNS =
      SearchColumns.builder()
          .column("processInstanceKey", "p.key", Type.KEY)
          .column("processDefinitionId", "p.bpmn_process_id", Type.STRING)
          .column("processDefinitionName", "d.name", Type.STRING)
          .column("processDefinitionVersion", "p.version", Type.INTEGER)
          .column("processDefinitionVersionTag", "d.version_tag", Type.STRING)
          .column("processDefinitionKey", "p.process_definition_key", Type.KEY)
          .column("parentProcessInstanceKey", "p.parent_process_instance_key", Type.KEY)
          .column("parentElementInstanceKey", "p.parent_element_instance_key", Type.KEY)
          .column("startDate", "p.start_date", Type.DATE)
          .column("endDate", "p.end_date", Type.DATE)
          .enumeration("state", "p.state", Set.of("ACTIVE", "COMPLETED", "TERMINATED"))
          .column("hasIncident", IncidentAncestors.HAS_INCIDENT_IN_TREE_FILTER, Type.BOOLEAN)
          .column("tenantId", "p.tenant_id", Type.STRING)
          .build();

  /** Filters on the instance's element instances: all must hold for one element instance. */
  public static final SearchColumns ELEMENT_COLUMNS =
      SearchColumns.builder()
          .filterOnly("elementId", "e.element_id", Type.STRING)
          .filterOnly("elementInstanceState", "e.state", Type.STRING)
          .filterOnly(
              "hasElementInstanceIncident",
              IncidentAncestors.ELEMENT_HAS_INCIDENT_IN_TREE,
              Type.BOOLEAN)
          .build();

  /** Filters on the instance's active incidents. */
  public static final SearchColumns INCIDENT_COLUMNS =
      SearchColumns.builder().filterOnly("errorMessage", "i.error_message", Type.STRING).build();

  private static final String SELECT =
      "SELECT p.key, p.process_definition_key, p.bpmn_process_id, d.name, p.version,"
          + " d.version_tag, p.tenant_id, p.state, p.start_date, p.end_date,"
          + " p.parent_process_instance_key, p.parent_element_instance_key, "
          + HAS_INCIDENT
          + " AS has_incident";

  private static final String FROM =
      "FROM engine.process_instance p"
          + " JOIN engine.process_definition d ON d.key = p.process_definition_key";

  private static final SqlSearch SEARCH =
      new SqlSearch(SELECT, FROM, COLUMNS, "p.key", "FROM engine.process_instance p");

  /**
   * One search filter: conditions on the instance ({@link #COLUMNS}), on one of its element
   * instances ({@link #ELEMENT_COLUMNS}), on one of its active incidents ({@link
   * #INCIDENT_COLUMNS}), on variables (each must match some variable of the instance), and
   * alternatives of which one must hold ({@code $or}).
   */
  public record Criteria(
      Map<String, FieldFilter<?>> instance,
      Map<String, FieldFilter<?>> element,
      Map<String, FieldFilter<?>> incident,
      List<VariableCondition> variables,
      List<Criteria> anyOf) {}

  /** A variable of this name whose JSON value matches. */
  public record VariableCondition(String name, FieldFilter<String> value) {}

  private final JdbcClient jdbc;
  private final SearchProperties searchProperties;

  public ProcessInstanceQueries(JdbcClient jdbc, SearchProperties searchProperties) {
    this.jdbc = jdbc;
    this.searchProperties = searchProperties;
  }

  public Optional<ProcessInstanceView> find(long key) {
    return jdbc.sql(SELECT + " " + FROM + " WHERE p.key = ?")
        .param(key)
        .query(ProcessInstanceQueries::map)
        .optional();
  }

  /**
   * One page, newest first by default through the start date indexes, and the matches counted up to
   * {@link SearchProperties#getMaxTotalHits()} (the console's list over 100,000 instances must not
   * count them all for every page). Plans are made for the actual values (custom plans): a generic
   * plan does not know that a process id or state matches most rows or hardly any.
   */
  @Transactional(readOnly = true)
  public SearchPage<ProcessInstanceView> search(Criteria criteria, SearchPaging paging) {
    jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    SqlWhere where = new SqlWhere();
    apply(criteria, where);
    return SEARCH.runCapped(
        jdbc, where, paging, ProcessInstanceQueries::map, searchProperties.getMaxTotalHits());
  }

  private static void apply(Criteria criteria, SqlWhere where) {
    where.filters(COLUMNS, criteria.instance());
    if (!criteria.element().isEmpty()) {
      where.exists(
          "SELECT 1 FROM engine.element_instance e WHERE e.process_instance_key = p.key",
          inner -> inner.filters(ELEMENT_COLUMNS, criteria.element()));
    }
    if (!criteria.incident().isEmpty()) {
      where.exists(
          "SELECT 1 FROM engine.incident i WHERE i.process_instance_key = p.key"
              + " AND i.state = 'ACTIVE'",
          inner -> inner.filters(INCIDENT_COLUMNS, criteria.incident()));
    }
    for (VariableCondition variable : criteria.variables()) {
      // uncorrelated: found once by the value's index, then each walked instance is looked up in
      // a hash table (the console's partner filter is an OR of these, where a correlated EXISTS
      // probed the variables of every instance in turn: 450 ms at 100,000 instances)
      where.in(
          "p.key",
          "SELECT v.process_instance_key FROM engine.variable v"
              + " WHERE v.process_instance_key IS NOT NULL",
          inner ->
              inner
                  .field("v.name", FieldFilter.equalTo(variable.name()))
                  .field("v.value", variable.value()));
    }
    List<Consumer<SqlWhere>> alternatives = new ArrayList<>();
    for (Criteria alternative : criteria.anyOf()) {
      alternatives.add(nested -> apply(alternative, nested));
    }
    where.anyOf(alternatives);
  }

  private static ProcessInstanceView map(ResultSet rs, int row) throws SQLException {
    return new ProcessInstanceView(
        rs.getLong("key"),
        rs.getLong("process_definition_key"),
        rs.getString("bpmn_process_id"),
        rs.getString("name"),
        rs.getInt("version"),
        rs.getString("version_tag"),
        rs.getString("tenant_id"),
        rs.getString("state"),
        Timestamps.get(rs, "start_date"),
        Timestamps.get(rs, "end_date"),
        rs.getBoolean("has_incident"),
        Timestamps.nullableLong(rs, "parent_process_instance_key"),
        Timestamps.nullableLong(rs, "parent_element_instance_key"));
  }
}
