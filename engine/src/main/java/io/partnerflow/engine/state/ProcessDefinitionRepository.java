package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class ProcessDefinitionRepository {

  /** API sort field → column. */
  public static final Map<String, String> SORTABLE =
      Map.of(
          "processDefinitionKey", "key",
          "processDefinitionId", "bpmn_process_id",
          "name", "name",
          "version", "version",
          "resourceName", "resource_name",
          "versionTag", "version_tag",
          "tenantId", "tenant_id");

  private static final String COLUMNS =
      "key, bpmn_process_id, version, name, version_tag, resource_name, checksum,"
          + " start_form_id, deployment_key, tenant_id";

  private final JdbcClient jdbc;

  public ProcessDefinitionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ProcessDefinitionRecord d, String bpmnXml, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.process_definition (key, bpmn_process_id, version, name,"
                + " version_tag, resource_name, checksum, bpmn_xml, start_form_id,"
                + " deployment_key, tenant_id, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            d.key(),
            d.bpmnProcessId(),
            d.version(),
            d.name(),
            d.versionTag(),
            d.resourceName(),
            d.checksum(),
            bpmnXml,
            d.startFormId(),
            d.deploymentKey(),
            d.tenantId(),
            created)
        .update();
  }

  /**
   * Any definition, deleted ones too: running instances of a deleted definition still execute it.
   * The API's lookups use {@link #findLive}.
   */
  public Optional<ProcessDefinitionRecord> findByKey(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.process_definition WHERE key = ?")
        .param(key)
        .query(ProcessDefinitionRepository::map)
        .optional();
  }

  /** The deployed XML of any definition, deleted ones too. */
  public Optional<String> findXml(long key) {
    return jdbc.sql("SELECT bpmn_xml FROM engine.process_definition WHERE key = ?")
        .param(key)
        .query(String.class)
        .optional();
  }

  /** A definition that is not deleted. */
  public Optional<ProcessDefinitionRecord> findLive(long key) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM engine.process_definition WHERE key = ? AND NOT deleted")
        .param(key)
        .query(ProcessDefinitionRepository::map)
        .optional();
  }

  /** The latest version that is not deleted. */
  public Optional<ProcessDefinitionRecord> findLatest(String bpmnProcessId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.process_definition WHERE bpmn_process_id = ? AND NOT deleted"
                + " ORDER BY version DESC LIMIT 1")
        .param(bpmnProcessId)
        .query(ProcessDefinitionRepository::map)
        .optional();
  }

  public Optional<ProcessDefinitionRecord> findVersion(String bpmnProcessId, int version) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.process_definition WHERE bpmn_process_id = ? AND version = ?"
                + " AND NOT deleted")
        .params(bpmnProcessId, version)
        .query(ProcessDefinitionRepository::map)
        .optional();
  }

  /** The highest version ever deployed, deleted ones included (versions are never reused). */
  public int maxVersion(String bpmnProcessId) {
    return jdbc.sql(
            "SELECT coalesce(max(version), 0) FROM engine.process_definition"
                + " WHERE bpmn_process_id = ?")
        .param(bpmnProcessId)
        .query(Integer.class)
        .single();
  }

  /** Deletes a definition from the API's view; its row stays for its running instances. */
  public void markDeleted(long key) {
    jdbc.sql("UPDATE engine.process_definition SET deleted = true WHERE key = ?")
        .param(key)
        .update();
  }

  /** Matching definitions of one page, and the total count over all pages (deleted ones not). */
  public SearchPage<ProcessDefinitionRecord> search(ProcessDefinitionQuery q) {
    StringBuilder where = new StringBuilder(" WHERE NOT d.deleted");
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.bpmnProcessId() != null) {
      where.append(" AND d.bpmn_process_id = :processId");
      params.put("processId", q.bpmnProcessId());
    }
    if (q.name() != null) {
      where.append(" AND d.name = :name");
      params.put("name", q.name());
    }
    if (q.version() != null) {
      where.append(" AND d.version = :version");
      params.put("version", q.version());
    }
    if (q.key() != null) {
      where.append(" AND d.key = :key");
      params.put("key", q.key());
    }
    if (q.resourceName() != null) {
      where.append(" AND d.resource_name = :resourceName");
      params.put("resourceName", q.resourceName());
    }
    if (q.latestOnly() != null) {
      where
          .append(q.latestOnly() ? " AND" : " AND NOT")
          .append(
              " d.version = (SELECT max(l.version) FROM engine.process_definition l"
                  + " WHERE l.bpmn_process_id = d.bpmn_process_id AND NOT l.deleted)");
    }
    long total =
        jdbc.sql("SELECT count(*) FROM engine.process_definition d" + where)
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
    List<ProcessDefinitionRecord> items =
        new ArrayList<>(
            jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM engine.process_definition d"
                        + where
                        + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(ProcessDefinitionRepository::map)
                .list());
    return new SearchPage<>(items, total);
  }

  private static ProcessDefinitionRecord map(ResultSet rs, int row) throws SQLException {
    return new ProcessDefinitionRecord(
        rs.getLong("key"),
        rs.getString("bpmn_process_id"),
        rs.getInt("version"),
        rs.getString("name"),
        rs.getString("version_tag"),
        rs.getString("resource_name"),
        rs.getString("checksum"),
        rs.getString("start_form_id"),
        rs.getLong("deployment_key"),
        rs.getString("tenant_id"));
  }
}
