package io.partnerflow.engine.state;

import java.util.List;

/**
 * Sort and page of a search: sort fields are API names from {@link SearchColumns#sorts()} (checked
 * by the api before they get here); {@code offset}/{@code limit} are rows, cursors already resolved
 * to an offset.
 */
public record SearchPaging(List<Sort> sort, int offset, int limit) {

  /** One sort field. */
  public record Sort(String field, boolean descending) {}

  public SearchPaging {
    sort = sort == null ? List.of() : List.copyOf(sort);
  }

  public static SearchPaging firstPage(int limit) {
    return new SearchPaging(List.of(), 0, limit);
  }
}
