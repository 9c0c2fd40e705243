package io.partnerflow.app.qbr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The quarterly reviews ({@code app.quarterly_review}). */
@Repository
class QuarterlyReviewRepository {

  private static final String COLUMNS =
      "id, partner_id, plan_id, plan_version, quarter, quarter_end, opens_at, missed_at,"
          + " target_new_customers, target_revenue, currency, target_certified_people,"
          + " actual_certified_people, actual_new_customers, actual_revenue, actuals_note,"
          + " self_assessment, self_assessed_by, scores::text AS scores, total_score,"
          + " manager_notes, scored_by, status, escalated_at, completed_at, process_instance_key,"
          + " version";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  QuarterlyReviewRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The new review's id; the existing one's when the quarter of that plan version has one. */
  long schedule(
      long partnerId,
      long planId,
      int planVersion,
      QuarterTarget target,
      Instant opensAt,
      Instant missedAt,
      long processInstanceKey) {
    jdbc.sql(
            "INSERT INTO app.quarterly_review (partner_id, plan_id, plan_version, quarter,"
                + " quarter_end, opens_at, missed_at, target_new_customers, target_revenue,"
                + " currency, target_certified_people, status, process_instance_key)"
                + " VALUES (:partner, :plan, :version, :quarter, :end, :opens, :missed,"
                + " :customers, :revenue, :currency, :certified, 'SCHEDULED', :key)"
                + " ON CONFLICT (plan_id, plan_version, quarter) DO NOTHING")
        .param("partner", partnerId)
        .param("plan", planId)
        .param("version", planVersion)
        .param("quarter", target.quarter())
        .param("end", target.lastDay())
        .param("opens", opensAt.atOffset(ZoneOffset.UTC))
        .param("missed", missedAt.atOffset(ZoneOffset.UTC))
        .param("customers", target.newCustomers())
        .param("revenue", target.revenue())
        .param("currency", target.currency())
        .param("certified", target.certifiedPeople())
        .param("key", processInstanceKey)
        .update();
    return jdbc.sql(
            "SELECT id FROM app.quarterly_review WHERE plan_id = :plan AND plan_version = :version"
                + " AND quarter = :quarter")
        .param("plan", planId)
        .param("version", planVersion)
        .param("quarter", target.quarter())
        .query(Long.class)
        .single();
  }

  /** Reviews of the plan version not yet held become REPLACED. */
  int markReplaced(long planId, int planVersion) {
    return jdbc.sql(
            "UPDATE app.quarterly_review SET status = 'REPLACED', version = version + 1"
                + " WHERE plan_id = :plan AND plan_version = :version"
                + " AND status NOT IN ('COMPLETED', 'REPLACED')")
        .param("plan", planId)
        .param("version", planVersion)
        .update();
  }

  /** Opens the review for the partner's self-assessment with the certified people counted now. */
  void open(long id, int certifiedPeople) {
    jdbc.sql(
            "UPDATE app.quarterly_review SET status = 'SELF_ASSESSMENT',"
                + " actual_certified_people = :certified, version = version + 1"
                + " WHERE id = :id AND status = 'SCHEDULED'")
        .param("certified", certifiedPeople)
        .param("id", id)
        .update();
  }

  /** Records the self-assessment; false when the review was not waiting for one. */
  boolean selfAssessed(
      long id, String text, String by, Integer newCustomers, BigDecimal revenue, String note) {
    return jdbc.sql(
                "UPDATE app.quarterly_review SET status = 'SCORECARD', self_assessment = :text,"
                    + " self_assessed_by = :by, actual_new_customers = :customers,"
                    + " actual_revenue = :revenue, actuals_note = :note, version = version + 1"
                    + " WHERE id = :id AND status = 'SELF_ASSESSMENT'")
            .param("text", text)
            .param("by", by)
            .param("customers", newCustomers)
            .param("revenue", revenue)
            .param("note", note)
            .param("id", id)
            .update()
        == 1;
  }

  /** Records the scorecard and completes the review; false when it was not waiting for one. */
  boolean scored(
      long id,
      Map<String, Integer> scores,
      BigDecimal total,
      String notes,
      Integer newCustomers,
      BigDecimal revenue,
      String actualsNote,
      String by,
      Instant now) {
    return jdbc.sql(
                "UPDATE app.quarterly_review SET status = 'COMPLETED', scores = CAST(:scores AS jsonb),"
                    + " total_score = :total, manager_notes = :notes, scored_by = :by,"
                    + " actual_new_customers = :customers, actual_revenue = :revenue,"
                    + " actuals_note = :actualsNote, completed_at = :now, version = version + 1"
                    + " WHERE id = :id AND status = 'SCORECARD'")
            .param("scores", write(scores))
            .param("total", total)
            .param("notes", notes)
            .param("by", by)
            .param("customers", newCustomers)
            .param("revenue", revenue)
            .param("actualsNote", actualsNote)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("id", id)
            .update()
        == 1;
  }

  void escalated(long id, Instant now) {
    jdbc.sql(
            "UPDATE app.quarterly_review SET escalated_at = :now, version = version + 1"
                + " WHERE id = :id AND escalated_at IS NULL")
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("id", id)
        .update();
  }

  Optional<QuarterlyReview> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.quarterly_review WHERE id = :id")
        .param("id", id)
        .query(this::review)
        .optional();
  }

  /** The partner's reviews except replaced ones, newest quarter first. */
  List<QuarterlyReview> ofPartner(long partnerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.quarterly_review WHERE partner_id = :partner"
                + " AND status <> 'REPLACED' ORDER BY quarter DESC, id DESC")
        .param("partner", partnerId)
        .query(this::review)
        .list();
  }

  /**
   * Open and scheduled reviews of the partners a manager owns (every manager's when {@code owner}
   * is null) that open before {@code until}, soonest first.
   */
  List<QuarterlyReview> dueFor(String owner, Instant until) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.quarterly_review"
                + " WHERE status IN ('SCHEDULED','SELF_ASSESSMENT','SCORECARD')"
                + " AND opens_at < :until AND (CAST(:owner AS varchar) IS NULL OR partner_id IN"
                + " (SELECT id FROM app.partner WHERE owner_username = :owner))"
                + " ORDER BY missed_at, id")
        .param("until", until.atOffset(ZoneOffset.UTC))
        .param("owner", owner)
        .query(this::review)
        .list();
  }

  /** The reviews (not replaced) of the active partners a manager owns, in one query. */
  List<QuarterlyReview> ofActivePartnersOf(String owner) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app.quarterly_review WHERE status <> 'REPLACED' AND partner_id IN"
                + " (SELECT id FROM app.partner WHERE owner_username = :owner"
                + " AND status = 'ACTIVE')")
        .param("owner", owner)
        .query(this::review)
        .list();
  }

  private QuarterlyReview review(ResultSet rs, int row) throws SQLException {
    return new QuarterlyReview(
        rs.getLong("id"),
        rs.getLong("partner_id"),
        rs.getLong("plan_id"),
        rs.getInt("plan_version"),
        new QuarterTarget(
            rs.getString("quarter"),
            rs.getInt("target_new_customers"),
            rs.getBigDecimal("target_revenue"),
            rs.getString("currency").trim(),
            rs.getInt("target_certified_people")),
        rs.getObject("quarter_end", java.time.LocalDate.class),
        instant(rs.getTimestamp("opens_at")),
        instant(rs.getTimestamp("missed_at")),
        new QuarterlyReview.Actuals(
            (Integer) rs.getObject("actual_certified_people"),
            (Integer) rs.getObject("actual_new_customers"),
            rs.getBigDecimal("actual_revenue"),
            rs.getString("actuals_note")),
        rs.getString("self_assessment"),
        rs.getString("self_assessed_by"),
        read(rs.getString("scores")),
        rs.getBigDecimal("total_score"),
        rs.getString("manager_notes"),
        rs.getString("scored_by"),
        ReviewStatus.valueOf(rs.getString("status")),
        instant(rs.getTimestamp("escalated_at")),
        instant(rs.getTimestamp("completed_at")),
        rs.getLong("process_instance_key"),
        rs.getInt("version"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private String write(Map<String, Integer> scores) {
    try {
      return json.writeValueAsString(scores);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Integer> read(String text) {
    if (text == null) {
      return Map.of();
    }
    try {
      return json.readValue(text, new TypeReference<Map<String, Integer>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable scores: " + text, e);
    }
  }
}
