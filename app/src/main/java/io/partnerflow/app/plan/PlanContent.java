package io.partnerflow.app.plan;

import java.util.List;

/**
 * What the partner writes into a plan version.
 *
 * @param year the calendar year the plan covers; activities fall inside it
 * @param targets one per quarter (1-4)
 * @param productLines from {@code partnerflow.plan.product-lines}
 */
public record PlanContent(
    int year,
    String objectives,
    List<QuarterTarget> targets,
    List<PlannedActivity> activities,
    List<String> productLines) {

  public PlanContent {
    objectives = objectives == null ? "" : objectives;
    targets = targets == null ? List.of() : List.copyOf(targets);
    activities = activities == null ? List.of() : List.copyOf(activities);
    productLines = productLines == null ? List.of() : List.copyOf(productLines);
  }

  /** A new plan for that year: four empty quarters, nothing else. */
  public static PlanContent empty(int year, String currency) {
    return new PlanContent(
        year,
        "",
        java.util.stream.IntStream.rangeClosed(1, 4)
            .mapToObj(q -> new QuarterTarget(q, 0, java.math.BigDecimal.ZERO, currency, 0))
            .toList(),
        List.of(),
        List.of());
  }
}
