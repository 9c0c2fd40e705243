package io.partnerflow.app.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboards' figures, aggregated by PostgreSQL: the funnel and stage times from the reporting
 * table {@code app.application_journey} (one row per application with its moments, written by
 * triggers in the same transaction as the status history, partners, contracts and partner events it
 * derives from), the partner figures from today's partners and certificates. Read-only (see
 * docs/dashboards.md).
 */
@Repository
class ChannelFigures {

  private static final String LIVE_STATUSES =
      "('ONBOARDING','CONTRACT_PENDING','ACTIVE','SUSPENDED')";

  private final JdbcClient jdbc;

  ChannelFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Funnel counts and stage times of the applications submitted in the period: one pass over their
   * rows of {@code app.application_journey}, which the database keeps up to date as the processes
   * write their records (see the changelog 2026-12-04-s5-dash).
   */
  Journey journey(ChannelFilter filter, Instant from, Instant to) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", Timestamp.from(from));
    params.put("to", Timestamp.from(to));
    StringBuilder where =
        new StringBuilder(" WHERE j.submitted_at >= :from AND j.submitted_at < :to");
    if (filter.country() != null) {
      where.append(" AND j.country = :country");
      params.put("country", filter.country());
    }
    if (filter.type() != null) {
      // the application keeps the form's value: the type's name in lower case
      where.append(" AND j.partner_type = :type");
      params.put("type", filter.type().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (filter.manager() != null) {
      where.append(" AND j.owner_username = :manager");
      params.put("manager", filter.manager());
    }
    String sql =
        "SELECT count(*) AS applied, count(in_review_at) AS screened,"
            + " count(decided_at) AS reviewed, count(approved_at) AS approved,"
            + " count(signed_at) AS signed,"
            + " count(*) FILTER (WHERE activated_at IS NOT NULL OR partner_status = 'ACTIVE')"
            + " AS active,"
            + stageColumns("screening", "submitted_at", "in_review_at")
            + ","
            + stageColumns("review", "in_review_at", "decided_at")
            + ","
            + stageColumns("contract", "approved_at", "signed_at")
            + ","
            + stageColumns("activation", "signed_at", "activated_at")
            + " FROM app.application_journey j"
            + where;
    return jdbc.sql(sql).params(params).query(ChannelFigures::journey).single();
  }

  /** Count, median and 90th percentile of one stage: one sort for both percentiles. */
  private static String stageColumns(String name, String start, String end) {
    String seconds = "extract(epoch FROM (" + end + " - " + start + "))";
    return " count("
        + end
        + " - "
        + start
        + ") AS "
        + name
        + "_count,"
        + " percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY "
        + seconds
        + ") AS "
        + name
        + "_percentiles";
  }

  private static Journey journey(ResultSet rs, int row) throws SQLException {
    List<Long> counts = new ArrayList<>();
    for (String column :
        new String[] {"applied", "screened", "reviewed", "approved", "signed", "active"}) {
      counts.add(rs.getLong(column));
    }
    List<StageTime> times = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      String name = stage.name().toLowerCase(java.util.Locale.ROOT);
      times.add(
          new StageTime(
              stage,
              rs.getLong(name + "_count"),
              percentile(rs, name + "_percentiles", 0),
              percentile(rs, name + "_percentiles", 1)));
    }
    return new Journey(counts, times);
  }

  private static Duration percentile(ResultSet rs, String column, int index) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    if (array == null) {
      return null;
    }
    Object value = ((Object[]) array.getArray())[index];
    return value == null
        ? null
        : Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000));
  }

  /** Counts in the funnel's order and the time of each stage. */
  record Journey(List<Long> counts, List<StageTime> times) {}

  /** Partners not ended or cancelled, by tier. */
  List<CountBy> partnersByTier(ChannelFilter filter) {
    return partnersBy("p.tier", filter);
  }

  /** Partners not ended or cancelled, by country, the most first. */
  List<CountBy> partnersByCountry(ChannelFilter filter) {
    return partnersBy("p.country", filter);
  }

  private List<CountBy> partnersBy(String column, ChannelFilter filter) {
    Map<String, Object> params = new HashMap<>();
    String sql =
        "SELECT "
            + column
            + " AS key, count(*) AS n FROM app.partner p WHERE p.status IN "
            + LIVE_STATUSES
            + partnerWhere(filter, params)
            + " GROUP BY "
            + column
            + " ORDER BY n DESC, key";
    return jdbc.sql(sql)
        .params(params)
        .query((rs, n) -> new CountBy(rs.getString("key").trim(), rs.getLong("n")))
        .list();
  }

  /** Per tier: active partners, and how many of them have a person with a valid certificate. */
  List<Coverage> certification(ChannelFilter filter, Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.put("now", Timestamp.from(now));
    String sql =
        "SELECT p.tier, count(*) AS partners, count(*) FILTER (WHERE EXISTS ("
            + " SELECT 1 FROM app.certificate c WHERE c.partner_id = p.id AND c.status = 'VALID'"
            + " AND c.expires_at > :now)) AS certified"
            + " FROM app.partner p WHERE p.status = 'ACTIVE'"
            + partnerWhere(filter, params)
            + " GROUP BY p.tier";
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, n) ->
                new Coverage(rs.getString("tier"), rs.getLong("partners"), rs.getLong("certified")))
        .list();
  }

  /** One manager's partners by status and tier. */
  List<StatusTierCount> partnersOf(String manager) {
    return jdbc.sql(
            "SELECT status, tier, count(*) AS n FROM app.partner WHERE owner_username = :manager"
                + " GROUP BY status, tier")
        .param("manager", manager)
        .query((rs, n) -> new StatusTierCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  /** One manager's active partners, by name. */
  List<PartnerName> activePartnersOf(String manager) {
    return jdbc.sql(
            "SELECT id, name FROM app.partner WHERE owner_username = :manager"
                + " AND status = 'ACTIVE' ORDER BY lower(name), id")
        .param("manager", manager)
        .query((rs, n) -> new PartnerName(rs.getLong(1), rs.getString(2)))
        .list();
  }

  record PartnerName(long id, String name) {}

  /** The partner managers who own partners, for the filter's choices. */
  List<String> managers() {
    return jdbc.sql(
            "SELECT DISTINCT owner_username FROM app.partner WHERE owner_username IS NOT NULL"
                + " ORDER BY owner_username")
        .query(String.class)
        .list();
  }

  private static String partnerWhere(ChannelFilter filter, Map<String, Object> params) {
    StringBuilder where = new StringBuilder();
    if (filter.country() != null) {
      where.append(" AND p.country = :country");
      params.put("country", filter.country());
    }
    if (filter.type() != null) {
      where.append(" AND p.type = :type");
      params.put("type", filter.type().name());
    }
    if (filter.manager() != null) {
      where.append(" AND p.owner_username = :manager");
      params.put("manager", filter.manager());
    }
    return where.toString();
  }

  /** Partners of one status and tier. */
  record StatusTierCount(String status, String tier, long count) {}
}
