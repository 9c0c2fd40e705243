package io.partnerflow.app.enablement.certification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The certification instance of each person and certification ({@code app.certification_run}). */
@Repository
class CertificationRunRepository {

  record Run(long userId, long certificationId, Long processInstanceKey, Instant startedAt) {}

  private final JdbcClient jdbc;

  CertificationRunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The person's run of the certification, locked (created empty first, so the lock holds). */
  Run lock(long userId, long certificationId, Instant now) {
    jdbc.sql(
            "INSERT INTO app.certification_run (user_id, certification_id, started_at)"
                + " VALUES (:user, :certification, :now) ON CONFLICT DO NOTHING")
        .param("user", userId)
        .param("certification", certificationId)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    return jdbc.sql(
            "SELECT user_id, certification_id, process_instance_key, started_at"
                + " FROM app.certification_run WHERE user_id = :user"
                + " AND certification_id = :certification FOR UPDATE")
        .param("user", userId)
        .param("certification", certificationId)
        .query(CertificationRunRepository::run)
        .single();
  }

  void started(long userId, long certificationId, long processInstanceKey, Instant now) {
    jdbc.sql(
            "UPDATE app.certification_run SET process_instance_key = :key, started_at = :now"
                + " WHERE user_id = :user AND certification_id = :certification")
        .param("key", processInstanceKey)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("user", userId)
        .param("certification", certificationId)
        .update();
  }

  List<Run> ofUser(long userId) {
    return jdbc.sql(
            "SELECT user_id, certification_id, process_instance_key, started_at"
                + " FROM app.certification_run WHERE user_id = :user")
        .param("user", userId)
        .query(CertificationRunRepository::run)
        .list();
  }

  Optional<Run> byProcessInstance(long processInstanceKey) {
    return jdbc.sql(
            "SELECT user_id, certification_id, process_instance_key, started_at"
                + " FROM app.certification_run WHERE process_instance_key = :key")
        .param("key", processInstanceKey)
        .query(CertificationRunRepository::run)
        .optional();
  }

  private static Run run(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Number key = (Number) rs.getObject("process_instance_key");
    Timestamp started = rs.getTimestamp("started_at");
    return new Run(
        rs.getLong("user_id"),
        rs.getLong("certification_id"),
        key == null ? null : key.longValue(),
        started.toInstant());
  }
}
