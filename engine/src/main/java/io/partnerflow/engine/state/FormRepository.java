package io.partnerflow.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

@EngineRepository
public class FormRepository {

  private static final String COLUMNS =
      "key, form_id, version, resource_name, checksum, schema_json, deployment_key, tenant_id";

  private final JdbcClient jdbc;

  public FormRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(FormRecord f, OffsetDateTime created) {
    jdbc.sql(
            "INSERT INTO engine.form (key, form_id, version, resource_name, checksum,"
                + " schema_json, deployment_key, tenant_id, created) VALUES (?,?,?,?,?,?,?,?,?)")
        .params(
            f.key(),
            f.formId(),
            f.version(),
            f.resourceName(),
            f.checksum(),
            f.schemaJson(),
            f.deploymentKey(),
            f.tenantId(),
            created)
        .update();
  }

  public Optional<FormRecord> findLatest(String formId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.form WHERE form_id = ? AND NOT deleted"
                + " ORDER BY version DESC LIMIT 1")
        .param(formId)
        .query(FormRepository::map)
        .optional();
  }

  /** The highest version ever deployed, deleted ones included (versions are never reused). */
  public int maxVersion(String formId) {
    return jdbc.sql("SELECT coalesce(max(version), 0) FROM engine.form WHERE form_id = ?")
        .param(formId)
        .query(Integer.class)
        .single();
  }

  /** A form that is not deleted. */
  public Optional<FormRecord> findLive(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.form WHERE key = ? AND NOT deleted")
        .param(key)
        .query(FormRepository::map)
        .optional();
  }

  /** Deleted forms are no longer linked to new tasks; tasks linked before keep theirs. */
  public void markDeleted(long key) {
    jdbc.sql("UPDATE engine.form SET deleted = true WHERE key = ?").param(key).update();
  }

  /** Any form, deleted ones too (the version a task was linked to when it was created). */
  public Optional<FormRecord> findByKey(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.form WHERE key = ?")
        .param(key)
        .query(FormRepository::map)
        .optional();
  }

  private static FormRecord map(ResultSet rs, int row) throws SQLException {
    return new FormRecord(
        rs.getLong("key"),
        rs.getString("form_id"),
        rs.getInt("version"),
        rs.getString("resource_name"),
        rs.getString("checksum"),
        rs.getString("schema_json"),
        rs.getLong("deployment_key"),
        rs.getString("tenant_id"));
  }
}
