package io.partnerflow.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * app.audit_log: inserts and reads only. The table refuses UPDATE, DELETE and TRUNCATE itself (a
 * trigger), so there is deliberately no such method here either.
 */
@Repository
class AuditRepository {

  private static final String COLUMNS =
      "id, occurred_at, actor, client_address, action, subject_type, subject_id, partner_id,"
          + " process_instance_key, before::text AS before_json, after::text AS after_json";

  private final NamedParameterJdbcTemplate jdbc;

  AuditRepository(DataSource dataSource) {
    JdbcTemplate template = new JdbcTemplate(dataSource);
    // an export streams the whole filter through a cursor instead of loading it at once
    template.setFetchSize(500);
    this.jdbc = new NamedParameterJdbcTemplate(template);
  }

  void insert(
      Instant occurredAt,
      String actor,
      String clientAddress,
      AuditAction action,
      AuditSubject subject,
      String beforeJson,
      String afterJson) {
    jdbc.update(
        "INSERT INTO app.audit_log (occurred_at, actor, client_address, action, subject_type,"
            + " subject_id, partner_id, process_instance_key, before, after) VALUES (:at, :actor,"
            + " :address, :action, :type, :id, :partner, :instance, CAST(:before AS jsonb),"
            + " CAST(:after AS jsonb))",
        new MapSqlParameterSource()
            .addValue("at", Timestamp.from(occurredAt))
            .addValue("actor", actor)
            .addValue("address", clientAddress)
            .addValue("action", action.name())
            .addValue("type", subject.type())
            .addValue("id", subject.id())
            .addValue("partner", subject.partnerId())
            .addValue("instance", subject.processInstanceKey())
            .addValue("before", beforeJson)
            .addValue("after", afterJson));
  }

  /** Newest first. */
  List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM app.audit_log"
            + where(filter, params)
            + " ORDER BY occurred_at DESC, id DESC OFFSET :offset LIMIT :limit";
    params.addValue("offset", offset).addValue("limit", limit);
    return jdbc.query(sql, params, (rs, i) -> entry(rs));
  }

  long count(AuditFilter filter) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    Long count =
        jdbc.queryForObject(
            "SELECT count(*) FROM app.audit_log" + where(filter, params), params, Long.class);
    return count == null ? 0 : count;
  }

  /** Every match, newest first, one at a time (call inside a transaction to use a cursor). */
  void forEach(AuditFilter filter, Consumer<AuditEntry> each) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM app.audit_log"
            + where(filter, params)
            + " ORDER BY occurred_at DESC, id DESC";
    RowCallbackHandler row = rs -> each.accept(entry(rs));
    jdbc.query(sql, params, row);
  }

  private static String where(AuditFilter filter, MapSqlParameterSource params) {
    List<String> conditions = new ArrayList<>();
    if (filter.actor() != null) {
      conditions.add("actor = :actor");
      params.addValue("actor", filter.actor());
    }
    if (filter.action() != null) {
      conditions.add("action = :action");
      params.addValue("action", filter.action().name());
    }
    if (filter.subjectType() != null) {
      conditions.add("subject_type = :type");
      params.addValue("type", filter.subjectType());
    }
    if (filter.subjectId() != null) {
      conditions.add("subject_id = :id");
      params.addValue("id", filter.subjectId());
    }
    if (filter.partnerId() != null) {
      conditions.add("partner_id = :partner");
      params.addValue("partner", filter.partnerId());
    }
    if (filter.processInstanceKey() != null) {
      conditions.add("process_instance_key = :instance");
      params.addValue("instance", filter.processInstanceKey());
    }
    if (filter.from() != null) {
      conditions.add("occurred_at >= :from");
      params.addValue("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      conditions.add("occurred_at < :to");
      params.addValue("to", Timestamp.from(filter.to()));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"),
        rs.getString("client_address"),
        AuditAction.valueOf(rs.getString("action")),
        new AuditSubject(
            rs.getString("subject_type"),
            rs.getString("subject_id"),
            rs.getObject("partner_id", Long.class),
            rs.getObject("process_instance_key", Long.class)),
        rs.getString("before_json"),
        rs.getString("after_json"));
  }
}
