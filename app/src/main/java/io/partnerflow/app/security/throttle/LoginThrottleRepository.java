package io.partnerflow.app.security.throttle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed-login counters in app.login_throttle, shared by every node. */
@Repository
class LoginThrottleRepository {

  private final JdbcClient jdbc;

  LoginThrottleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest end of a running block among the subjects. */
  Optional<Instant> blockedUntil(List<LoginSubject> subjects, Instant now) {
    Instant latest = null;
    for (LoginSubject subject : subjects) {
      Optional<Timestamp> until =
          jdbc.sql(
                  "SELECT blocked_until FROM app.login_throttle WHERE subject_kind = :kind"
                      + " AND subject = :subject AND blocked_until > :now")
              .param("kind", subject.kind().name())
              .param("subject", subject.value())
              .param("now", Timestamp.from(now))
              .query(Timestamp.class)
              .optional();
      if (until.isPresent() && (latest == null || until.get().toInstant().isAfter(latest))) {
        latest = until.get().toInstant();
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Counts one failure (starting over after a quiet {@code forgetBefore}); returns the count. */
  int addFailure(LoginSubject subject, Instant now, Instant forgetBefore) {
    return jdbc.sql(
            "INSERT INTO app.login_throttle (subject_kind, subject, failures, last_failure_at)"
                + " VALUES (:kind, :subject, 1, :now)"
                + " ON CONFLICT (subject_kind, subject) DO UPDATE SET failures ="
                + " CASE WHEN app.login_throttle.last_failure_at < :forget"
                + " AND (app.login_throttle.blocked_until IS NULL"
                + " OR app.login_throttle.blocked_until < :now)"
                + " THEN 1 ELSE app.login_throttle.failures + 1 END,"
                + " last_failure_at = :now RETURNING failures")
        .param("kind", subject.kind().name())
        .param("subject", subject.value())
        .param("now", Timestamp.from(now))
        .param("forget", Timestamp.from(forgetBefore))
        .query(Integer.class)
        .single();
  }

  void block(LoginSubject subject, Instant until) {
    jdbc.sql(
            "UPDATE app.login_throttle SET blocked_until = :until"
                + " WHERE subject_kind = :kind AND subject = :subject")
        .param("kind", subject.kind().name())
        .param("subject", subject.value())
        .param("until", Timestamp.from(until))
        .update();
  }

  void clear(LoginSubject subject) {
    jdbc.sql("DELETE FROM app.login_throttle WHERE subject_kind = :kind AND subject = :subject")
        .param("kind", subject.kind().name())
        .param("subject", subject.value())
        .update();
  }

  /** Drops counters nobody needs any more: quiet since {@code forgetBefore}, no block running. */
  void forget(Instant now, Instant forgetBefore) {
    jdbc.sql(
            "DELETE FROM app.login_throttle WHERE last_failure_at < :forget"
                + " AND (blocked_until IS NULL OR blocked_until < :now)")
        .param("forget", Timestamp.from(forgetBefore))
        .param("now", Timestamp.from(now))
        .update();
  }

  List<Row> running(Instant now) {
    return jdbc.sql(
            "SELECT subject_kind, subject, failures, blocked_until FROM app.login_throttle"
                + " WHERE blocked_until > :now ORDER BY blocked_until DESC, subject")
        .param("now", Timestamp.from(now))
        .query(
            (rs, i) ->
                new Row(
                    new LoginSubject(
                        LoginSubject.Kind.valueOf(rs.getString("subject_kind")),
                        rs.getString("subject")),
                    rs.getInt("failures"),
                    rs.getTimestamp("blocked_until").toInstant()))
        .list();
  }

  record Row(LoginSubject subject, int failures, Instant blockedUntil) {}
}
