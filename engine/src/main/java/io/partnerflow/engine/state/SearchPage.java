package io.partnerflow.engine.state;

import java.util.List;

/**
 * One page of search results and the number of matches over all pages; {@code hasMoreTotalItems}
 * when that number was capped (Camunda's {@code page.hasMoreTotalItems}): more match than {@code
 * totalItems} says.
 */
public record SearchPage<T>(List<T> items, long totalItems, boolean hasMoreTotalItems) {

  public SearchPage(List<T> items, long totalItems) {
    this(items, totalItems, false);
  }
}
