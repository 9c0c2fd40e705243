package io.partnerflow.app.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and their versions in {@code app.business_plan} and {@code app.business_plan_version}. */
@Repository
class BusinessPlanRepository {

  private static final String COLUMNS =
      "v.id, v.plan_id, p.partner_id, v.version_no, v.status, v.plan_year, v.content,"
          + " v.review_comments, v.review_approved, v.lock_version, v.process_instance_key,"
          + " v.updated_by, v.updated_at, v.submitted_at, v.partner_signed_by,"
          + " v.partner_signed_at, v.manager_signed_by, v.manager_signed_at, v.approved_at";
  private static final String FROM =
      " FROM app.business_plan_version v JOIN app.business_plan p ON p.id = v.plan_id";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  BusinessPlanRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The partner's plan id, created on first use. */
  long planOf(long partnerId, Instant now) {
    jdbc.sql(
            "INSERT INTO app.business_plan (partner_id, created_at) VALUES (:partner, :now)"
                + " ON CONFLICT (partner_id) DO NOTHING")
        .param("partner", partnerId)
        .param("now", Timestamp.from(now))
        .update();
    return jdbc.sql("SELECT id FROM app.business_plan WHERE partner_id = :partner FOR UPDATE")
        .param("partner", partnerId)
        .query(Long.class)
        .single();
  }

  /** Newest first. */
  List<PlanVersion> versions(long partnerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + FROM
                + " WHERE p.partner_id = :partner ORDER BY v.version_no DESC")
        .param("partner", partnerId)
        .query(this::version)
        .list();
  }

  Optional<PlanVersion> latest(long partnerId) {
    return versions(partnerId).stream().findFirst();
  }

  Optional<PlanVersion> find(long versionId) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE v.id = :id")
        .param("id", versionId)
        .query(this::version)
        .optional();
  }

  Optional<PlanVersion> lock(long versionId) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE v.id = :id FOR UPDATE OF v")
        .param("id", versionId)
        .query(this::version)
        .optional();
  }

  long insert(long planId, int versionNo, PlanContent content, String by, Instant now) {
    return jdbc.sql(
            "INSERT INTO app.business_plan_version (plan_id, version_no, status, plan_year,"
                + " content, created_at, updated_by, updated_at) VALUES (:plan, :no, 'DRAFT',"
                + " :year, CAST(:content AS jsonb), :now, :by, :now) RETURNING id")
        .param("plan", planId)
        .param("no", versionNo)
        .param("year", content.year())
        .param("content", write(content))
        .param("by", by)
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  void attachProcess(long versionId, long processInstanceKey) {
    jdbc.sql("UPDATE app.business_plan_version SET process_instance_key = :key WHERE id = :id")
        .param("key", processInstanceKey)
        .param("id", versionId)
        .update();
  }

  /**
   * Writes the content if the stored lock is still the one the caller read; false when somebody
   * saved in between (nothing written).
   */
  boolean saveContent(
      long versionId, int expectedLock, PlanContent content, String by, Instant now) {
    return jdbc.sql(
                "UPDATE app.business_plan_version SET content = CAST(:content AS jsonb),"
                    + " plan_year = :year, lock_version = lock_version + 1, updated_by = :by,"
                    + " updated_at = :now WHERE id = :id AND lock_version = :lock"
                    + " AND status IN ('DRAFT','RETURNED')")
            .param("content", write(content))
            .param("year", content.year())
            .param("by", by)
            .param("now", Timestamp.from(now))
            .param("id", versionId)
            .param("lock", expectedLock)
            .update()
        == 1;
  }

  void submitted(long versionId, Instant now) {
    jdbc.sql(
            "UPDATE app.business_plan_version SET status = 'SUBMITTED', submitted_at = :now,"
                + " lock_version = lock_version + 1 WHERE id = :id")
        .param("now", Timestamp.from(now))
        .param("id", versionId)
        .update();
  }

  /**
   * Back to the partner with the comments. The content's last editor stays the partner user who
   * saved it (the reviewer's name is staff-internal; the audit log records who returned it).
   */
  void returned(long versionId, Map<PlanSection, String> comments) {
    jdbc.sql(
            "UPDATE app.business_plan_version SET status = 'RETURNED',"
                + " review_comments = CAST(:comments AS jsonb) WHERE id = :id")
        .param("comments", write(comments))
        .param("id", versionId)
        .update();
  }

  /** Puts a status back after the engine refused the step that changed it. */
  void restoreStatus(long versionId, PlanStatus status) {
    jdbc.sql("UPDATE app.business_plan_version SET status = :status WHERE id = :id")
        .param("status", status.name())
        .param("id", versionId)
        .update();
  }

  void reviewApproved(long versionId) {
    jdbc.sql(
            "UPDATE app.business_plan_version SET review_approved = true,"
                + " review_comments = '{}' WHERE id = :id")
        .param("id", versionId)
        .update();
  }

  void partnerSigned(long versionId, String by, Instant now) {
    jdbc.sql(
            "UPDATE app.business_plan_version SET partner_signed_by = :by,"
                + " partner_signed_at = :now WHERE id = :id")
        .param("by", by)
        .param("now", Timestamp.from(now))
        .param("id", versionId)
        .update();
  }

  void managerSigned(long versionId, String by, Instant now) {
    jdbc.sql(
            "UPDATE app.business_plan_version SET manager_signed_by = :by,"
                + " manager_signed_at = :now WHERE id = :id")
        .param("by", by)
        .param("now", Timestamp.from(now))
        .param("id", versionId)
        .update();
  }

  /** Freezes the version; true the first time only (a retried job changes nothing). */
  boolean approved(long versionId, Instant now) {
    return jdbc.sql(
                "UPDATE app.business_plan_version SET status = 'APPROVED', approved_at = :now"
                    + " WHERE id = :id AND status = 'SUBMITTED'")
            .param("now", Timestamp.from(now))
            .param("id", versionId)
            .update()
        == 1;
  }

  private PlanVersion version(ResultSet rs, int row) throws SQLException {
    return new PlanVersion(
        rs.getLong("id"),
        rs.getLong("plan_id"),
        rs.getLong("partner_id"),
        rs.getInt("version_no"),
        PlanStatus.valueOf(rs.getString("status")),
        read(rs.getString("content"), new TypeReference<PlanContent>() {}),
        comments(rs.getString("review_comments")),
        rs.getBoolean("review_approved"),
        rs.getInt("lock_version"),
        rs.getObject("process_instance_key", Long.class),
        rs.getString("updated_by"),
        instant(rs, "updated_at"),
        instant(rs, "submitted_at"),
        rs.getString("partner_signed_by"),
        instant(rs, "partner_signed_at"),
        rs.getString("manager_signed_by"),
        instant(rs, "manager_signed_at"),
        instant(rs, "approved_at"));
  }

  private Map<PlanSection, String> comments(String text) {
    Map<PlanSection, String> comments = new EnumMap<>(PlanSection.class);
    comments.putAll(read(text, new TypeReference<Map<PlanSection, String>>() {}));
    return comments;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store a business plan", e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored business plan cannot be read", e);
    }
  }
}
