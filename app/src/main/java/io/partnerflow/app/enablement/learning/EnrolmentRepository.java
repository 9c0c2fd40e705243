package io.partnerflow.app.enablement.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrolments in {@code app.enrolment}. */
@Repository
class EnrolmentRepository {

  private static final String COLUMNS =
      "id, user_id, partner_id, course_version_id, status, modules_done, assigned_at, started_at,"
          + " completed_at";

  private final JdbcClient jdbc;

  EnrolmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Enrols the person unless they are on that version already; returns the enrolment either way.
   */
  Enrolment insertOnce(long userId, long partnerId, long courseVersionId, Instant now) {
    jdbc.sql(
            "INSERT INTO app.enrolment (user_id, partner_id, course_version_id, status,"
                + " assigned_at) VALUES (:user, :partner, :version, 'ASSIGNED', :now)"
                + " ON CONFLICT (user_id, course_version_id) DO NOTHING")
        .param("user", userId)
        .param("partner", partnerId)
        .param("version", courseVersionId)
        .param("now", Timestamp.from(now))
        .update();
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.enrolment WHERE user_id = :user AND course_version_id = :version")
        .param("user", userId)
        .param("version", courseVersionId)
        .query(EnrolmentRepository::enrolment)
        .single();
  }

  Optional<Enrolment> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.enrolment WHERE id = :id")
        .param("id", id)
        .query(EnrolmentRepository::enrolment)
        .optional();
  }

  Optional<Enrolment> lock(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.enrolment WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(EnrolmentRepository::enrolment)
        .optional();
  }

  /** The person's enrolments, newest first. */
  List<Enrolment> findByUser(long userId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM app.enrolment WHERE user_id = :user ORDER BY id DESC")
        .param("user", userId)
        .query(EnrolmentRepository::enrolment)
        .list();
  }

  /** The organisation's enrolments, by person and then newest first. */
  List<Enrolment> findByPartner(long partnerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.enrolment WHERE partner_id = :partner ORDER BY user_id, id DESC")
        .param("partner", partnerId)
        .query(EnrolmentRepository::enrolment)
        .list();
  }

  /** Marks the enrolment started (once). */
  void markStarted(long id, Instant now) {
    jdbc.sql(
            "UPDATE app.enrolment SET status = 'IN_PROGRESS', started_at = :now"
                + " WHERE id = :id AND status = 'ASSIGNED'")
        .param("id", id)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Raises the count of modules done to {@code modulesDone} (never lowers it). */
  void markModulesDone(long id, int modulesDone) {
    jdbc.sql("UPDATE app.enrolment SET modules_done = GREATEST(modules_done, :done) WHERE id = :id")
        .param("id", id)
        .param("done", modulesDone)
        .update();
  }

  /** Sets the outcome of an unfinished enrolment (PASSED or FAILED). */
  void markFinished(long id, EnrolmentStatus outcome, Instant now) {
    jdbc.sql(
            "UPDATE app.enrolment SET status = :status, completed_at = :now,"
                + " started_at = COALESCE(started_at, :now)"
                + " WHERE id = :id AND status IN ('ASSIGNED', 'IN_PROGRESS')")
        .param("id", id)
        .param("status", outcome.name())
        .param("now", Timestamp.from(now))
        .update();
  }

  private static Enrolment enrolment(ResultSet rs, int row) throws SQLException {
    return new Enrolment(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getLong("partner_id"),
        rs.getLong("course_version_id"),
        EnrolmentStatus.valueOf(rs.getString("status")),
        rs.getInt("modules_done"),
        instant(rs.getTimestamp("assigned_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("completed_at")));
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
