package io.partnerflow.engine.state;

import java.util.ArrayList;
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
 */
public record SqlSearch(String select, String from, SearchColumns columns, String tieBreaker) {

  public <T> SearchPage<T> run(
      JdbcClient jdbc, SqlWhere where, SearchPaging paging, RowMapper<T> mapper) {
    Map<String, Object> params = where.params();
    long total =
        jdbc.sql("SELECT count(*) " + from + where.sql()).params(params).query(Long.class).single();
    if (paging.limit() == 0 || paging.offset() >= total) {
      return new SearchPage<>(List.of(), total);
    }
    List<String> order = new ArrayList<>();
    for (SearchPaging.Sort sort : paging.sort()) {
      String sql = columns.sorts().get(sort.field());
      if (sql == null) {
        throw new IllegalArgumentException("Not a sort field: " + sort.field());
      }
      order.add(sql + (sort.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST"));
    }
    order.add(tieBreaker + " ASC");
    List<T> items =
        jdbc.sql(
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
            .params(params)
            .query(mapper)
            .list();
    return new SearchPage<>(items, total);
  }
}
