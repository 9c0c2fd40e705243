package io.partnerflow.engine.state;

import io.partnerflow.engine.state.SearchColumns.Type;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read side of variables. Values are the stored JSON text, compared as such: a filter on a string
 * variable needs the quotes ({@code "\"gold\""}), as in Camunda. Values are never truncated.
 */
@EngineRepository
public class VariableQueries {

  public static final SearchColumns COLUMNS =
      SearchColumns.builder()
          .column("variableKey", "v.key", Type.KEY)
          .column("name", "v.name", Type.STRING)
          .column("value", "v.value", Type.STRING)
          .column("scopeKey", "v.scope_key", Type.KEY)
          .column("processInstanceKey", "v.process_instance_key", Type.KEY)
          .column("tenantId", "p.tenant_id", Type.STRING)
          .filterOnly("isTruncated", "FALSE", Type.BOOLEAN)
          .build();

  private static final String SELECT =
      "SELECT v.key, v.name, v.value, v.scope_key, v.process_instance_key, p.tenant_id";

  private static final String FROM =
      "FROM engine.variable v JOIN engine.process_instance p ON p.key = v.process_instance_key";

  private static final SqlSearch SEARCH = new SqlSearch(SELECT, FROM, COLUMNS, "v.key");

  private final JdbcClient jdbc;

  public VariableQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<VariableView> find(long key) {
    return jdbc.sql(SELECT + " " + FROM + " WHERE v.key = ?")
        .param(key)
        .query(VariableQueries::map)
        .optional();
  }

  public SearchPage<VariableView> search(Map<String, FieldFilter<?>> filters, SearchPaging paging) {
    return SEARCH.run(jdbc, new SqlWhere().filters(COLUMNS, filters), paging, VariableQueries::map);
  }

  private static VariableView map(ResultSet rs, int row) throws SQLException {
    return new VariableView(
        rs.getLong("key"),
        rs.getString("name"),
        rs.getString("value"),
        rs.getLong("scope_key"),
        rs.getLong("process_instance_key"),
        rs.getString("tenant_id"));
  }
}
