package io.partnerflow.app.recruitment.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applications and their history in schema {@code app}. Their moments (submitted, each status,
 * closed) come from the app's clock, so that the demo history can date them in the past.
 */
@Repository
class ApplicationRepository {

  private static final String COLUMNS =
      "a.id, a.company_name, a.contact_name, a.contact_email, a.country, a.partner_type,"
          + " a.locale, a.status, a.process_instance_key, a.data::text AS data_json,"
          + " a.created_at, a.updated_at, a.closed_at";
  private static final int ADDRESS_LOCK_SPACE = 4004;
  private static final int MAX_NOTE = 2000;
  private static final int MAX_ERROR = 2000;

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  ApplicationRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  long insert(NewApplication application) {
    return jdbc.sql(
            "INSERT INTO app.application (company_name, contact_name, contact_email,"
                + " country, partner_type, data, locale, status, remote_address_hash, created_at,"
                + " updated_at) VALUES (:companyName, :contactName, :contactEmail, :country,"
                + " :partnerType, CAST(:data AS jsonb), :locale, 'SUBMITTED', :address, :now, :now)"
                + " RETURNING id")
        .param("now", now())
        .param("companyName", application.companyName())
        .param("contactName", application.contactName())
        .param("contactEmail", application.contactEmail())
        .param("country", application.country())
        .param("partnerType", application.partnerType())
        .param("data", application.dataJson())
        .param("locale", application.locale())
        .param("address", application.remoteAddressHash())
        .query(Long.class)
        .single();
  }

  /**
   * Serialises submissions of one address until the end of the transaction, so that concurrent
   * submissions cannot all pass the limit. The two-key form with this feature's own first key keeps
   * clear of the engine's single-key advisory locks (the key spaces do not overlap).
   */
  void lockAddress(String addressHash) {
    jdbc.sql("SELECT pg_advisory_xact_lock(" + ADDRESS_LOCK_SPACE + ", hashtext(:address))")
        .param("address", addressHash)
        .query()
        .singleRow();
  }

  long countSince(String addressHash, Duration window) {
    return jdbc.sql(
            "SELECT count(*) FROM app.application WHERE remote_address_hash = :address"
                + " AND created_at > now() - make_interval(secs => :seconds)")
        .param("address", addressHash)
        .param("seconds", (double) window.toSeconds())
        .query(Long.class)
        .single();
  }

  /** Stores a status-page token of the application by its hash. */
  void insertToken(long applicationId, String tokenHash) {
    jdbc.sql("INSERT INTO app.application_token (token_hash, application_id) VALUES (:hash, :id)")
        .param("hash", tokenHash)
        .param("id", applicationId)
        .update();
  }

  Optional<Application> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.application a WHERE a.id = :id")
        .param("id", id)
        .query(this::application)
        .optional();
  }

  /**
   * The application of a token hash, unless it closed longer than {@code validAfterClose} ago (its
   * status links have then expired).
   */
  Optional<Application> findByTokenHash(String tokenHash, Duration validAfterClose) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.application_token t JOIN app.application a ON a.id = t.application_id"
                + " WHERE t.token_hash = :hash AND (a.closed_at IS NULL"
                + " OR a.closed_at > now() - make_interval(secs => :seconds))")
        .param("hash", tokenHash)
        .param("seconds", (double) validAfterClose.toSeconds())
        .query(this::application)
        .optional();
  }

  /**
   * Claims the start of the application's process for {@code claim}: true only when its process has
   * not started and nobody else holds an unexpired claim. A crashed starter's claim expires.
   */
  boolean claimStart(long id, Duration claim) {
    return jdbc.sql(
                "UPDATE app.application SET start_claimed_until = now() + make_interval(secs =>"
                    + " :seconds) WHERE id = :id AND process_instance_key IS NULL AND"
                    + " (start_claimed_until IS NULL OR start_claimed_until < now())")
            .param("seconds", (double) claim.toSeconds())
            .param("id", id)
            .update()
        == 1;
  }

  /** Ids of applications whose process has not started and nobody is starting, oldest first. */
  List<Long> unstartedIds(int limit) {
    return jdbc.sql(
            "SELECT id FROM app.application WHERE process_instance_key IS NULL"
                + " AND (start_claimed_until IS NULL OR start_claimed_until < now())"
                + " ORDER BY created_at LIMIT :limit")
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  void setProcessInstance(long id, long processInstanceKey) {
    jdbc.sql(
            "UPDATE app.application SET process_instance_key = :key, last_start_error = NULL,"
                + " start_claimed_until = NULL, start_attempts = start_attempts + 1,"
                + " updated_at = now() WHERE id = :id")
        .param("key", processInstanceKey)
        .param("id", id)
        .update();
  }

  void recordStartFailure(long id, String error) {
    jdbc.sql(
            "UPDATE app.application SET start_attempts = start_attempts + 1,"
                + " start_claimed_until = NULL, last_start_error = :error, updated_at = now()"
                + " WHERE id = :id")
        .param("error", truncate(error, MAX_ERROR))
        .param("id", id)
        .update();
  }

  /** The current status, the row locked until the end of the transaction. */
  Optional<ApplicationStatus> lockStatus(long id) {
    return jdbc.sql("SELECT status FROM app.application WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query((rs, row) -> ApplicationStatus.valueOf(rs.getString("status")))
        .optional();
  }

  /**
   * @return false when there is no such application
   */
  boolean updateStatus(long id, ApplicationStatus status) {
    return jdbc.sql(
                "UPDATE app.application SET status = :status, updated_at = :now, closed_at ="
                    + " CASE WHEN :final THEN coalesce(closed_at, :now) END WHERE id = :id")
            .param("now", now())
            .param("status", status.name())
            .param("final", status.isFinal())
            .param("id", id)
            .update()
        == 1;
  }

  void insertEvent(long applicationId, ApplicationStatus status, String note) {
    jdbc.sql(
            "INSERT INTO app.application_event (application_id, status, note, created_at)"
                + " VALUES (:id, :status, :note, :now)")
        .param("now", now())
        .param("id", applicationId)
        .param("status", status.name())
        .param("note", note == null || note.isBlank() ? null : truncate(note.strip(), MAX_NOTE))
        .update();
  }

  /** Oldest first. */
  List<ApplicationEvent> events(long applicationId) {
    return jdbc.sql(
            "SELECT status, note, created_at FROM app.application_event"
                + " WHERE application_id = :id ORDER BY id")
        .param("id", applicationId)
        .query(
            (rs, row) ->
                new ApplicationEvent(
                    ApplicationStatus.valueOf(rs.getString("status")),
                    rs.getString("note"),
                    instant(rs, "created_at")))
        .list();
  }

  private Application application(ResultSet rs, int row) throws SQLException {
    long key = rs.getLong("process_instance_key");
    Long processInstanceKey = rs.wasNull() ? null : key;
    return new Application(
        rs.getLong("id"),
        rs.getString("company_name"),
        rs.getString("contact_name"),
        rs.getString("contact_email"),
        rs.getString("country"),
        rs.getString("partner_type"),
        rs.getString("locale"),
        ApplicationStatus.valueOf(rs.getString("status")),
        processInstanceKey,
        data(rs.getString("data_json")),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "closed_at"));
  }

  private Map<String, Object> data(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable application data", e);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    java.sql.Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
