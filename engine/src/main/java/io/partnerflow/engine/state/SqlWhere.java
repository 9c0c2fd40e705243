package io.partnerflow.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the WHERE clause of a search from {@link FieldFilter}s: a conjunction of conditions with
 * named parameters ({@code :p1, :p2, ...}). SQL text only ever comes from the caller's constant
 * expressions (a {@link SearchColumns} whitelist, subqueries written in a repository); values
 * always become parameters.
 *
 * <pre>{@code
 * SqlWhere where = new SqlWhere().filters(COLUMNS, filters);
 * where.exists("SELECT 1 FROM engine.variable v WHERE v.process_instance_key = p.key",
 *     inner -> inner.field("v.name", FieldFilter.equalTo("orderId")));
 * jdbc.sql("SELECT ... FROM engine.process_instance p" + where.sql()).params(where.params())
 * }</pre>
 */
public final class SqlWhere {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params;
  private final int[] counter;

  public SqlWhere() {
    this(new HashMap<>(), new int[1]);
  }

  private SqlWhere(Map<String, Object> params, int[] counter) {
    this.params = params;
    this.counter = counter;
  }

  /** Binds a value and returns its placeholder, for conditions written by the caller. */
  public String param(Object value) {
    String name = "p" + (++counter[0]);
    params.put(name, value);
    return ":" + name;
  }

  /**
   * Adds a condition written by the caller (constant SQL with placeholders from {@link #param}).
   */
  public SqlWhere and(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Adds the conditions of every filter whose field is in the whitelist; others are ignored. */
  public SqlWhere filters(SearchColumns columns, Map<String, FieldFilter<?>> filters) {
    filters.forEach(
        (field, filter) -> columns.filter(field).ifPresent(column -> field(column, filter)));
    return this;
  }

  public SqlWhere field(SearchColumns.Column column, FieldFilter<?> filter) {
    return field(column.sql(), filter);
  }

  /** Adds the conditions of one filter on one SQL expression. */
  public SqlWhere field(String sql, FieldFilter<?> filter) {
    if (filter == null || filter.isEmpty()) {
      return this;
    }
    if (filter.eq() != null) {
      and(sql + " = " + param(filter.eq()));
    }
    if (filter.neq() != null) {
      // SQL's <> drops NULLs; the API's $neq keeps them
      and(sql + " IS DISTINCT FROM " + param(filter.neq()));
    }
    if (filter.exists() != null) {
      and(sql + (filter.exists() ? " IS NOT NULL" : " IS NULL"));
    }
    if (!filter.in().isEmpty()) {
      and(sql + " IN (" + param(filter.in()) + ")");
    }
    if (!filter.notIn().isEmpty()) {
      and("(" + sql + " IS NULL OR " + sql + " NOT IN (" + param(filter.notIn()) + "))");
    }
    if (filter.like() != null) {
      and(sql + " LIKE " + param(LikePattern.toSql(filter.like())) + " ESCAPE '\\'");
    }
    if (filter.gt() != null) {
      and(sql + " > " + param(filter.gt()));
    }
    if (filter.gte() != null) {
      and(sql + " >= " + param(filter.gte()));
    }
    if (filter.lt() != null) {
      and(sql + " < " + param(filter.lt()));
    }
    if (filter.lte() != null) {
      and(sql + " <= " + param(filter.lte()));
    }
    return this;
  }

  /**
   * {@code EXISTS (subquery AND inner conditions)}; the subquery must end in a WHERE clause (e.g.
   * the correlation {@code WHERE v.process_instance_key = p.key}).
   */
  public SqlWhere exists(String subquery, Consumer<SqlWhere> inner) {
    SqlWhere nested = new SqlWhere(params, counter);
    inner.accept(nested);
    and("EXISTS (" + subquery + nested.conjunction(" AND ") + ")");
    return this;
  }

  /**
   * {@code column IN (subquery AND inner conditions)}, the subquery uncorrelated and ending in a
   * WHERE clause. Unlike a correlated {@link #exists}, PostgreSQL runs it once (a hashed subplan,
   * also inside an OR): a walk of the outer rows in index order then checks each in a hash table
   * instead of probing the subquery's table row by row.
   */
  public SqlWhere in(String column, String subquery, Consumer<SqlWhere> inner) {
    SqlWhere nested = new SqlWhere(params, counter);
    inner.accept(nested);
    and(column + " IN (" + subquery + nested.conjunction(" AND ") + ")");
    return this;
  }

  /** At least one of the alternatives holds (each a conjunction); none given: no constraint. */
  public SqlWhere anyOf(Collection<Consumer<SqlWhere>> alternatives) {
    if (alternatives.isEmpty()) {
      return this;
    }
    List<String> branches = new ArrayList<>();
    for (Consumer<SqlWhere> alternative : alternatives) {
      SqlWhere nested = new SqlWhere(params, counter);
      alternative.accept(nested);
      branches.add(nested.conditions.isEmpty() ? "TRUE" : String.join(" AND ", nested.conditions));
    }
    and("((" + String.join(") OR (", branches) + "))");
    return this;
  }

  /** {@code " WHERE a AND b"}, or empty when nothing constrains. */
  public String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  public Map<String, Object> params() {
    return params;
  }

  private String conjunction(String prefix) {
    return conditions.isEmpty() ? "" : prefix + String.join(" AND ", conditions);
  }
}
