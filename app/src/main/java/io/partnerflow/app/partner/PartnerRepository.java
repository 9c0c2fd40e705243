package io.partnerflow.app.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners, contacts and partner events in schema {@code app}. */
@Repository
class PartnerRepository {

  private static final String COLUMNS =
      "p.id, p.name, p.website, p.country, p.type, p.tier, p.status, p.owner_username,"
          + " p.fit_score, p.application_id, p.created_at, p.updated_at";

  private static final Map<PartnerSort.Field, String> SORT_COLUMNS =
      Map.of(
          PartnerSort.Field.NAME, "lower(p.name)",
          PartnerSort.Field.COUNTRY, "p.country",
          PartnerSort.Field.TYPE, "p.type",
          PartnerSort.Field.TIER,
              "array_position(ARRAY['REGISTERED','SILVER','GOLD','PLATINUM']::varchar[], p.tier)",
          PartnerSort.Field.STATUS, "p.status",
          PartnerSort.Field.OWNER, "p.owner_username",
          PartnerSort.Field.FIT_SCORE, "p.fit_score",
          PartnerSort.Field.CREATED_AT, "p.created_at");

  private final JdbcClient jdbc;
  // the moments of partners and their events come from the app's clock (the demo history dates
  // them)
  private final Clock clock;

  PartnerRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Inserts unless a partner of the same application exists; empty when it did exist. */
  Optional<Long> insert(NewPartner partner) {
    return jdbc.sql(
            "INSERT INTO app.partner (name, website, country, type, tier, status, owner_username,"
                + " fit_score, application_id, created_at, updated_at) VALUES (:name, :website,"
                + " :country, :type, :tier, 'ONBOARDING', :owner, :fitScore, :applicationId, :now,"
                + " :now)"
                + " ON CONFLICT (application_id) WHERE application_id IS NOT NULL DO NOTHING"
                + " RETURNING id")
        .param("now", Timestamp.from(clock.instant()))
        .param("name", partner.name())
        .param("website", partner.website())
        .param("country", partner.country())
        .param("type", partner.type().name())
        .param("tier", partner.tier().name())
        .param("owner", partner.ownerUsername())
        .param("fitScore", partner.fitScore())
        .param("applicationId", partner.applicationId())
        .query(Long.class)
        .optional();
  }

  Optional<Long> findIdByApplicationId(long applicationId) {
    return jdbc.sql("SELECT id FROM app.partner WHERE application_id = :applicationId")
        .param("applicationId", applicationId)
        .query(Long.class)
        .optional();
  }

  void insertContact(long partnerId, PartnerContact contact) {
    jdbc.sql(
            "INSERT INTO app.partner_contact (partner_id, name, email, phone, role, is_primary)"
                + " VALUES (:partnerId, :name, :email, :phone, :role, :primary)")
        .param("partnerId", partnerId)
        .param("name", contact.name())
        .param("email", contact.email())
        .param("phone", contact.phone())
        .param("role", contact.role())
        .param("primary", contact.primary())
        .update();
  }

  Optional<Partner> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.partner p WHERE p.id = :id")
        .param("id", id)
        .query(PartnerRepository::partner)
        .optional();
  }

  /** The row, locked until the end of the transaction. */
  Optional<Partner> lockById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app.partner p WHERE p.id = :id FOR UPDATE")
        .param("id", id)
        .query(PartnerRepository::partner)
        .optional();
  }

  List<Partner> search(
      PartnerFilter filter, Long onlyPartnerId, List<PartnerSort> sort, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM app.partner p"
            + where(filter, onlyPartnerId, params)
            + orderBy(sort)
            + " OFFSET :offset LIMIT :limit";
    params.put("offset", offset);
    params.put("limit", limit);
    return jdbc.sql(sql).params(params).query(PartnerRepository::partner).list();
  }

  long count(PartnerFilter filter, Long onlyPartnerId) {
    Map<String, Object> params = new HashMap<>();
    return jdbc.sql("SELECT count(*) FROM app.partner p" + where(filter, onlyPartnerId, params))
        .params(params)
        .query(Long.class)
        .single();
  }

  void update(long id, String column, String value) {
    // column comes from the service's own constants, never from input
    jdbc.sql("UPDATE app.partner SET " + column + " = :value, updated_at = :now WHERE id = :id")
        .param("now", Timestamp.from(clock.instant()))
        .param("value", value)
        .param("id", id)
        .update();
  }

  List<PartnerContact> contacts(long partnerId) {
    return jdbc.sql(
            "SELECT name, email, phone, role, is_primary FROM app.partner_contact"
                + " WHERE partner_id = :partnerId ORDER BY is_primary DESC, name, id")
        .param("partnerId", partnerId)
        .query(
            (rs, n) ->
                new PartnerContact(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5)))
        .list();
  }

  void insertEvent(
      long partnerId, PartnerEvent.Kind kind, String oldValue, String newValue, String actor) {
    insertEvent(partnerId, kind, oldValue, newValue, actor, null);
  }

  void insertEvent(
      long partnerId,
      PartnerEvent.Kind kind,
      String oldValue,
      String newValue,
      String actor,
      String reason) {
    jdbc.sql(
            "INSERT INTO app.partner_event (partner_id, kind, old_value, new_value, actor, reason,"
                + " occurred_at) VALUES (:partnerId, :kind, :oldValue, :newValue, :actor, :reason,"
                + " :now)")
        .param("now", Timestamp.from(clock.instant()))
        .param("reason", reason)
        .param("partnerId", partnerId)
        .param("kind", kind.name())
        .param("oldValue", oldValue)
        .param("newValue", newValue)
        .param("actor", actor)
        .update();
  }

  /** Newest first. */
  List<PartnerEvent> events(long partnerId) {
    return jdbc.sql(
            "SELECT occurred_at, kind, old_value, new_value, actor, reason FROM app.partner_event"
                + " WHERE partner_id = :partnerId ORDER BY occurred_at DESC, id DESC")
        .param("partnerId", partnerId)
        .query(
            (rs, n) ->
                new PartnerEvent(
                    instant(rs, 1),
                    PartnerEvent.Kind.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  private static String where(
      PartnerFilter filter, Long onlyPartnerId, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    if (onlyPartnerId != null) {
      where.append(" AND p.id = :onlyPartnerId");
      params.put("onlyPartnerId", onlyPartnerId);
    }
    String text = PartnerValidator.trim(filter.text());
    if (text != null) {
      where.append(" AND (p.name ILIKE :text OR p.website ILIKE :text)");
      params.put("text", "%" + escapeLike(text) + "%");
    }
    if (filter.type() != null) {
      where.append(" AND p.type = :type");
      params.put("type", filter.type().name());
    }
    if (filter.tier() != null) {
      where.append(" AND p.tier = :tier");
      params.put("tier", filter.tier().name());
    }
    if (filter.status() != null) {
      where.append(" AND p.status = :status");
      params.put("status", filter.status().name());
    }
    String country = PartnerValidator.normaliseCountry(filter.country());
    if (country != null) {
      where.append(" AND p.country = :country");
      params.put("country", country);
    }
    return where.toString();
  }

  private static String orderBy(List<PartnerSort> sort) {
    StringBuilder order = new StringBuilder(" ORDER BY ");
    for (PartnerSort criterion : sort) {
      order
          .append(SORT_COLUMNS.get(criterion.field()))
          .append(criterion.ascending() ? " ASC NULLS LAST, " : " DESC NULLS LAST, ");
    }
    return order.append("p.id").toString();
  }

  /** Backslash is PostgreSQL's default LIKE escape character. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Partner partner(ResultSet rs, int row) throws SQLException {
    int fitScore = rs.getInt("fit_score");
    Integer fit = rs.wasNull() ? null : fitScore;
    long applicationId = rs.getLong("application_id");
    Long application = rs.wasNull() ? null : applicationId;
    return new Partner(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("website"),
        rs.getString("country"),
        PartnerType.valueOf(rs.getString("type")),
        PartnerTier.valueOf(rs.getString("tier")),
        PartnerStatus.valueOf(rs.getString("status")),
        rs.getString("owner_username"),
        fit,
        application,
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
