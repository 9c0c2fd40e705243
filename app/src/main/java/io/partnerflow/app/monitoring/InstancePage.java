package io.partnerflow.app.monitoring;

import java.util.List;

/**
 * One page of instances and the number of all that match.
 *
 * @param moreThanTotal the engine counted up to {@code total} and stopped: more match (Camunda's
 *     {@code hasMoreTotalItems}; the embedded engine counts up to {@code
 *     partnerflow.engine.search.max-total-hits}, 10,000)
 */
public record InstancePage(List<InstanceSummary> items, long total, boolean moreThanTotal) {

  public InstancePage(List<InstanceSummary> items, long total) {
    this(items, total, false);
  }
}
