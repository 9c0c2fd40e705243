package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deployed DMN: decision requirements graphs and their decision definitions. */
@EngineRepository
public class DecisionRepository {

  /** API sort field → column of a decision definition search. */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "decisionDefinitionKey", "key",
          "decisionDefinitionId", "decision_id",
          "name", "name",
          "version", "version",
          "decisionRequirementsId", "decision_requirements_id",
          "decisionRequirementsKey", "decision_requirements_key",
          "tenantId", "tenant_id");

  /** API sort field → column of a decision requirements search. */
  public static final Map<String, String> REQUIREMENTS_SORTABLE =
      Map.of(
          "decisionRequirementsKey", "key",
          "decisionRequirementsId", "decision_requirements_id",
          "decisionRequirementsName", "name",
          "version", "version",
          "tenantId", "tenant_id");

  private static final String DRG_COLUMNS =
      "key, decision_requirements_id, version, name, resource_name, checksum, dmn_xml,"
          + " deployment_key, tenant_id";

  private static final String DECISION_COLUMNS =
      "key, decision_id, version, name, decision_requirements_key, decision_requirements_id,"
          + " deployment_key, tenant_id";

  private final JdbcClient jdbc;

  public DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(DecisionRequirementsRecord r, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.decision_requirements (key, decision_requirements_id, version,"
                + " name, resource_name, checksum, dmn_xml, deployment_key, tenant_id, created)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")
        .params(
            r.key(),
            r.decisionRequirementsId(),
            r.version(),
            r.name(),
            r.resourceName(),
            r.checksum(),
            r.dmnXml(),
            r.deploymentKey(),
            r.tenantId(),
            created)
        .update();
  }

  public void insert(DecisionDefinitionRecord d, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.decision_definition (key, decision_id, version, name,"
                + " decision_requirements_key, decision_requirements_id, deployment_key,"
                + " tenant_id, created) VALUES (?,?,?,?,?,?,?,?,?)")
        .params(
            d.key(),
            d.decisionId(),
            d.version(),
            d.name(),
            d.decisionRequirementsKey(),
            d.decisionRequirementsId(),
            d.deploymentKey(),
            d.tenantId(),
            created)
        .update();
  }

  public Optional<DecisionRequirementsRecord> findLatestRequirements(
      String decisionRequirementsId) {
    return jdbc.sql(
            "SELECT "
                + DRG_COLUMNS
                + " FROM engine.decision_requirements WHERE decision_requirements_id = ?"
                + " AND NOT deleted ORDER BY version DESC LIMIT 1")
        .param(decisionRequirementsId)
        .query(DecisionRepository::mapRequirements)
        .optional();
  }

  public Optional<DecisionRequirementsRecord> findRequirementsByKey(long key) {
    return jdbc.sql(
            "SELECT "
                + DRG_COLUMNS
                + " FROM engine.decision_requirements WHERE key = ? AND NOT deleted")
        .param(key)
        .query(DecisionRepository::mapRequirements)
        .optional();
  }

  public Optional<DecisionDefinitionRecord> findByKey(long key) {
    return jdbc.sql(
            "SELECT "
                + DECISION_COLUMNS
                + " FROM engine.decision_definition WHERE key = ? AND NOT deleted")
        .param(key)
        .query(DecisionRepository::mapDecision)
        .optional();
  }

  public Optional<DecisionDefinitionRecord> findLatest(String decisionId) {
    return jdbc.sql(
            "SELECT "
                + DECISION_COLUMNS
                + " FROM engine.decision_definition WHERE decision_id = ? AND NOT deleted"
                + " ORDER BY version DESC LIMIT 1")
        .param(decisionId)
        .query(DecisionRepository::mapDecision)
        .optional();
  }

  /** The highest version of a DRG ever deployed, deleted ones included. */
  public int maxRequirementsVersion(String decisionRequirementsId) {
    return jdbc.sql(
            "SELECT coalesce(max(version), 0) FROM engine.decision_requirements"
                + " WHERE decision_requirements_id = ?")
        .param(decisionRequirementsId)
        .query(Integer.class)
        .single();
  }

  /** The highest version of a decision ever deployed, deleted ones included. */
  public int maxVersion(String decisionId) {
    return jdbc.sql(
            "SELECT coalesce(max(version), 0) FROM engine.decision_definition"
                + " WHERE decision_id = ?")
        .param(decisionId)
        .query(Integer.class)
        .single();
  }

  /** Deletes a DRG version and its decisions from the API's view and from "latest version". */
  public void markRequirementsDeleted(long decisionRequirementsKey) {
    jdbc.sql("UPDATE engine.decision_requirements SET deleted = true WHERE key = ?")
        .param(decisionRequirementsKey)
        .update();
    jdbc.sql(
            "UPDATE engine.decision_definition SET deleted = true"
                + " WHERE decision_requirements_key = ?")
        .param(decisionRequirementsKey)
        .update();
  }

  /** The decisions of one DRG version. */
  public List<DecisionDefinitionRecord> findByRequirementsKey(long decisionRequirementsKey) {
    return jdbc.sql(
            "SELECT "
                + DECISION_COLUMNS
                + " FROM engine.decision_definition WHERE decision_requirements_key = ?"
                + " ORDER BY key")
        .param(decisionRequirementsKey)
        .query(DecisionRepository::mapDecision)
        .list();
  }

  /** Matching decision definitions of one page, and the total count over all pages. */
  public SearchPage<DecisionDefinitionRecord> search(DecisionDefinitionQuery q) {
    StringBuilder where = new StringBuilder(" WHERE NOT d.deleted");
    Map<String, Object> params = new LinkedHashMap<>();
    condition(where, params, "d.decision_id", "decisionId", q.decisionId());
    condition(where, params, "d.name", "name", q.name());
    condition(where, params, "d.version", "version", q.version());
    condition(where, params, "d.key", "key", q.key());
    condition(
        where, params, "d.decision_requirements_id", "requirementsId", q.decisionRequirementsId());
    condition(
        where,
        params,
        "d.decision_requirements_key",
        "requirementsKey",
        q.decisionRequirementsKey());
    condition(where, params, "d.tenant_id", "tenantId", q.tenantId());
    if (q.latestOnly() != null) {
      where
          .append(q.latestOnly() ? " AND" : " AND NOT")
          .append(
              " d.version = (SELECT max(l.version) FROM engine.decision_definition l"
                  + " WHERE l.decision_id = d.decision_id AND NOT l.deleted)");
    }
    long total =
        jdbc.sql("SELECT count(*) FROM engine.decision_definition d" + where)
            .params(params)
            .query(Long.class)
            .single();
    String order =
        " ORDER BY "
            + (q.sortField() == null ? "key" : SORTABLE.getOrDefault(q.sortField(), "key"))
            + (q.descending() ? " DESC" : " ASC")
            + ", key ASC";
    params.put("limit", q.limit());
    params.put("offset", q.from());
    List<DecisionDefinitionRecord> items =
        jdbc.sql(
                "SELECT "
                    + DECISION_COLUMNS
                    + " FROM engine.decision_definition d"
                    + where
                    + order
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(DecisionRepository::mapDecision)
            .list();
    return new SearchPage<>(List.copyOf(items), total);
  }

  /** Matching DRG versions of one page, and the total count over all pages. */
  public SearchPage<DecisionRequirementsRecord> search(DecisionRequirementsQuery q) {
    StringBuilder where = new StringBuilder(" WHERE NOT deleted");
    Map<String, Object> params = new LinkedHashMap<>();
    condition(where, params, "decision_requirements_id", "id", q.decisionRequirementsId());
    condition(where, params, "name", "name", q.name());
    condition(where, params, "version", "version", q.version());
    condition(where, params, "key", "key", q.key());
    condition(where, params, "resource_name", "resourceName", q.resourceName());
    condition(where, params, "tenant_id", "tenantId", q.tenantId());
    long total =
        jdbc.sql("SELECT count(*) FROM engine.decision_requirements" + where)
            .params(params)
            .query(Long.class)
            .single();
    String order =
        " ORDER BY "
            + (q.sortField() == null
                ? "key"
                : REQUIREMENTS_SORTABLE.getOrDefault(q.sortField(), "key"))
            + (q.descending() ? " DESC" : " ASC")
            + ", key ASC";
    params.put("limit", q.limit());
    params.put("offset", q.from());
    List<DecisionRequirementsRecord> items =
        jdbc.sql(
                "SELECT "
                    + DRG_COLUMNS
                    + " FROM engine.decision_requirements"
                    + where
                    + order
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(DecisionRepository::mapRequirements)
            .list();
    return new SearchPage<>(List.copyOf(items), total);
  }

  private static void condition(
      StringBuilder where, Map<String, Object> params, String column, String name, Object value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static DecisionRequirementsRecord mapRequirements(ResultSet rs, int row)
      throws SQLException {
    return new DecisionRequirementsRecord(
        rs.getLong("key"),
        rs.getString("decision_requirements_id"),
        rs.getInt("version"),
        rs.getString("name"),
        rs.getString("resource_name"),
        rs.getString("checksum"),
        rs.getString("dmn_xml"),
        rs.getLong("deployment_key"),
        rs.getString("tenant_id"));
  }

  private static DecisionDefinitionRecord mapDecision(ResultSet rs, int row) throws SQLException {
    return new DecisionDefinitionRecord(
        rs.getLong("key"),
        rs.getString("decision_id"),
        rs.getInt("version"),
        rs.getString("name"),
        rs.getLong("decision_requirements_key"),
        rs.getString("decision_requirements_id"),
        rs.getLong("deployment_key"),
        rs.getString("tenant_id"));
  }
}
