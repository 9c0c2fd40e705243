package io.partnerflow.engine.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one search: the count over all matches and one sorted page. Sort fields are looked up in the
 * whitelist (unknown ones are an error of the caller, who validates them first); missing values
 * sort last either way; a unique tie-breaker column always ends the ORDER BY so that pages never
 * overlap.
 *
 * @param select {@code SELECT <columns>}
 * @param from {@code FROM <table> <alias> [JOIN ...]}
 * @param tieBreaker a unique column expression, e.g. {@code p.key}
 * @param countFrom what {@link #runCapped} counts over when no condition names the alias {@code d}:
 *     {@code from} without a join that neither adds nor drops rows (every process instance has its
 *     definition)
 */
public record SqlSearch(
    String select, String from, SearchColumns columns, String tieBreaker, String countFrom) {

  private static final java.util.regex.Pattern JOINED_ALIAS =
      java.util.regex.Pattern.compile("\\bd\\.");

  public SqlSearch(String select, String from, SearchColumns columns, String tieBreaker) {
    this(select, from, columns, tieBreaker, from);
  }

  public <T> SearchPage<T> run(
      JdbcClient jdbc, SqlWhere where, SearchPaging paging, RowMapper<T> mapper) {
    Map<String, Object> params = where.params();
    long total =
        jdbc.sql("SELECT count(*) " + from + where.sql()).params(params).query(Long.class).single();
    if (paging.limit() == 0 || paging.offset() >= total) {
      return new SearchPage<>(List.of(), total);
    }
    return new SearchPage<>(page(jdbc, where, paging, mapper), total);
  }

  /**
   * As {@link #run}, but counts the matches only up to {@code maxTotalHits} (beyond it the page
   * says {@code hasMoreTotalItems}, as Camunda's secondary storage does), and not at all when the
   * page shows the total itself (a short page). The page comes first: with an index in the sort
   * order it is a walk that stops after {@code offset + limit} matches, whatever the total.
   */
  public <T> SearchPage<T> runCapped(
      JdbcClient jdbc, SqlWhere where, SearchPaging paging, RowMapper<T> mapper, int maxTotalHits) {
    List<T> items = paging.limit() == 0 ? List.of() : page(jdbc, where, paging, mapper);
    boolean pageShowsTotal =
        paging.limit() > 0
            && items.size() < paging.limit()
            && (!items.isEmpty() || paging.offset() == 0);
    long counted =
        pageShowsTotal ? paging.offset() + items.size() : countUpTo(jdbc, where, maxTotalHits + 1);
    return counted > maxTotalHits
        ? new SearchPage<>(items, maxTotalHits, true)
        : new SearchPage<>(items, counted);
  }

  private long countUpTo(JdbcClient jdbc, SqlWhere where, int limit) {
    Map<String, Object> params = new LinkedHashMap<>(where.params());
    params.put("countLimit", limit);
    String source = JOINED_ALIAS.matcher(where.sql()).find() ? from : countFrom;
    return jdbc.sql(
            "SELECT count(*) FROM (SELECT 1 "
                + source
                + where.sql()
                + " LIMIT :countLimit) matches")
        .params(params)
        .query(Long.class)
        .single();
  }

  private <T> List<T> page(
      JdbcClient jdbc, SqlWhere where, SearchPaging paging, RowMapper<T> mapper) {
    List<String> order = new ArrayList<>();
    for (SearchPaging.Sort sort : paging.sort()) {
      String sql = columns.sorts().get(sort.field());
      if (sql == null) {
        throw new IllegalArgumentException("Not a sort field: " + sort.field());
      }
      order.add(sql + (sort.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST"));
    }
    order.add(tieBreaker + " ASC");
    return jdbc.sql(
            select
                + " "
                + from
                + where.sql()
                + " ORDER BY "
                + String.join(", ", order)
                + " LIMIT "
                + paging.limit()
                + " OFFSET "
                + paging.offset())
        .params(where.params())
        .query(mapper)
        .list();
  }
}
