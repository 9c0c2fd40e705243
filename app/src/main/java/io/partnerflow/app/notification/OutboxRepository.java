package io.partnerflow.app.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification outbox in schema {@code app}. */
@Repository
class OutboxRepository {

  static final int MAX_ERROR_LENGTH = 2000;

  private static final String COLUMNS =
      "id, template, recipient_email, recipient_name, locale, subject, body, status, attempts,"
          + " last_error, created_at, next_attempt_at, sent_at, reference_type, reference_id,"
          + " secret_link_kind, secret_link_subject";

  private final JdbcClient jdbc;

  OutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the notice; with an event key only once: a second insert with the same key stores
   * nothing and returns the first notice's id.
   */
  long insert(
      String template,
      Recipient recipient,
      String locale,
      RenderedNotice notice,
      NotificationStatus status,
      String lastError,
      Reference reference,
      SecretLink secretLink,
      String eventKey) {
    Optional<Long> inserted =
        jdbc.sql(
                "INSERT INTO app.notification_outbox (template, recipient_email, recipient_name,"
                    + " locale, subject, body, status, last_error, reference_type, reference_id,"
                    + " secret_link_kind, secret_link_subject, event_key)"
                    + " VALUES (:template, :email, :name, :locale, :subject, :body, :status,"
                    + " :lastError, :referenceType, :referenceId, :secretKind, :secretSubject,"
                    + " :eventKey) ON CONFLICT (event_key) WHERE event_key IS NOT NULL DO NOTHING"
                    + " RETURNING id")
            .param("template", template)
            .param("email", recipient.email())
            .param("name", recipient.name())
            .param("locale", locale)
            .param("subject", notice.subject())
            .param("body", notice.htmlBody())
            .param("status", status.name())
            .param("lastError", lastError)
            .param("referenceType", reference == null ? null : reference.type())
            .param("referenceId", reference == null ? null : reference.id())
            .param("secretKind", secretLink == null ? null : secretLink.kind())
            .param("secretSubject", secretLink == null ? null : secretLink.subject())
            .param("eventKey", eventKey)
            .query(Long.class)
            .optional();
    return inserted.orElseGet(
        () ->
            jdbc.sql("SELECT id FROM app.notification_outbox WHERE event_key = :eventKey")
                .param("eventKey", eventKey)
                .query(Long.class)
                .single());
  }

  /**
   * Claims the oldest due pending notice for {@code claim}: it is not due again (for this or any
   * node) until then, so it can be sent outside any transaction; a node that dies while sending
   * leaves it to be sent again when the claim expires (at least once).
   */
  Optional<OutboxNotice> claimNextDue(Duration claim) {
    return jdbc.sql(
            "UPDATE app.notification_outbox SET next_attempt_at = now() + make_interval(secs =>"
                + " :seconds) WHERE id = (SELECT id FROM app.notification_outbox"
                + " WHERE status = 'PENDING' AND next_attempt_at <= now()"
                + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING "
                + COLUMNS)
        .param("seconds", claim.toMillis() / 1000.0)
        .query(OutboxRepository::notice)
        .optional();
  }

  /** Notices skipped because SMTP was not configured go back to the queue; returns how many. */
  int requeueSkipped(String smtpNotConfigured) {
    return jdbc.sql(
            "UPDATE app.notification_outbox SET status = 'PENDING', last_error = NULL,"
                + " next_attempt_at = now() WHERE status = 'SKIPPED' AND last_error = :reason")
        .param("reason", smtpNotConfigured)
        .update();
  }

  void markSent(long id, int attempts) {
    jdbc.sql(
            "UPDATE app.notification_outbox SET status = 'SENT', attempts = :attempts,"
                + " sent_at = now(), last_error = NULL WHERE id = :id")
        .param("attempts", attempts)
        .param("id", id)
        .update();
  }

  void markFailedAttempt(long id, int attempts, String error, Duration retryAfter) {
    jdbc.sql(
            "UPDATE app.notification_outbox SET attempts = :attempts, last_error = :error,"
                + " next_attempt_at = now() + make_interval(secs => :seconds) WHERE id = :id")
        .param("attempts", attempts)
        .param("error", truncate(error))
        .param("seconds", retryAfter.toMillis() / 1000.0)
        .param("id", id)
        .update();
  }

  void markFailed(long id, int attempts, String error) {
    jdbc.sql(
            "UPDATE app.notification_outbox SET status = 'FAILED', attempts = :attempts,"
                + " last_error = :error WHERE id = :id")
        .param("attempts", attempts)
        .param("error", truncate(error))
        .param("id", id)
        .update();
  }

  /** FAILED or SKIPPED back to PENDING with fresh attempts; false when not in such a state. */
  boolean requeue(long id) {
    return jdbc.sql(
                "UPDATE app.notification_outbox SET status = 'PENDING', attempts = 0,"
                    + " next_attempt_at = now() WHERE id = :id"
                    + " AND status IN ('FAILED', 'SKIPPED')")
            .param("id", id)
            .update()
        == 1;
  }

  Optional<OutboxNotice> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.notification_outbox WHERE id = :id")
        .param("id", id)
        .query(OutboxRepository::notice)
        .optional();
  }

  /** Newest first. */
  List<OutboxNotice> search(NotificationStatus status, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("offset", offset);
    params.put("limit", limit);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.notification_outbox"
                + where(status, params)
                + " ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit")
        .params(params)
        .query(OutboxRepository::notice)
        .list();
  }

  long count(NotificationStatus status) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql("SELECT count(*) FROM app.notification_outbox" + where(status, params))
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Oldest first. */
  List<OutboxNotice> findByReference(Reference reference) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.notification_outbox WHERE reference_type = :type"
                + " AND reference_id = :id ORDER BY id")
        .param("type", reference.type())
        .param("id", reference.id())
        .query(OutboxRepository::notice)
        .list();
  }

  private static String where(NotificationStatus status, Map<String, Object> params) {
    if (status == null) {
      return "";
    }
    params.put("status", status.name());
    return " WHERE status = :status";
  }

  static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }

  private static OutboxNotice notice(ResultSet rs, int row) throws SQLException {
    return new OutboxNotice(
        rs.getLong("id"),
        rs.getString("template"),
        rs.getString("recipient_email"),
        rs.getString("recipient_name"),
        rs.getString("locale"),
        rs.getString("subject"),
        rs.getString("body"),
        NotificationStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("next_attempt_at")),
        instant(rs.getTimestamp("sent_at")),
        rs.getString("reference_type"),
        rs.getString("reference_id"),
        rs.getString("secret_link_kind"),
        rs.getString("secret_link_subject"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
