package io.partnerflow.engine.state;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whitelist of one search: API field name → SQL expression and value type, for filters and for
 * sorting. Only expressions listed here ever reach SQL; values always travel as parameters. A
 * repository declares one per resource; the api parses request fields by their {@link Type}.
 */
public final class SearchColumns {

  /** How a filter value is read from the request and bound as a parameter. */
  public enum Type {
    /** text; supports {@code $like} */
    STRING,
    /** 64-bit key, sent as a JSON string (or number) */
    KEY,
    INTEGER,
    /** ISO-8601 date-time; supports {@code $gt/$gte/$lt/$lte} */
    DATE,
    BOOLEAN,
    /** text restricted to {@link Column#values()} (case-sensitive, as the client sends them) */
    ENUM
  }

  /** One searchable field. */
  public record Column(String field, String sql, Type type, Set<String> values) {}

  private final Map<String, Column> filters;
  private final Map<String, String> sorts;

  private SearchColumns(Map<String, Column> filters, Map<String, String> sorts) {
    this.filters = Map.copyOf(filters);
    this.sorts = Map.copyOf(sorts);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Column> filter(String field) {
    return Optional.ofNullable(filters.get(field));
  }

  public Collection<Column> filters() {
    return filters.values();
  }

  /** API sort field → SQL expression. */
  public Map<String, String> sorts() {
    return sorts;
  }

  /** Collects the columns of one search. */
  public static final class Builder {

    private final Map<String, Column> filters = new LinkedHashMap<>();
    private final Map<String, String> sorts = new LinkedHashMap<>();

    private Builder() {}

    /** Filterable and sortable. */
    public Builder column(String field, String sql, Type type) {
      filters.put(field, new Column(field, sql, type, Set.of()));
      sorts.put(field, sql);
      return this;
    }

    /** Filterable (to one of the given values) and sortable. */
    public Builder enumeration(String field, String sql, Set<String> values) {
      filters.put(field, new Column(field, sql, Type.ENUM, Set.copyOf(values)));
      sorts.put(field, sql);
      return this;
    }

    /** Filterable only (e.g. a computed EXISTS). */
    public Builder filterOnly(String field, String sql, Type type) {
      filters.put(field, new Column(field, sql, type, Set.of()));
      return this;
    }

    /** Sortable only. */
    public Builder sortOnly(String field, String sql) {
      sorts.put(field, sql);
      return this;
    }

    public SearchColumns build() {
      return new SearchColumns(filters, sorts);
    }
  }
}
