package io.partnerflow.app.qbr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the manager enters: a rating per criterion, internal notes, the confirmed actuals and the
 * agreed actions.
 */
public record ScorecardEntry(
    Map<String, Integer> ratings,
    String notes,
    Integer newCustomers,
    BigDecimal revenue,
    String actualsNote,
    List<NewAction> actions) {

  public ScorecardEntry {
    ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
    actions = actions == null ? List.of() : List.copyOf(actions);
  }
}
