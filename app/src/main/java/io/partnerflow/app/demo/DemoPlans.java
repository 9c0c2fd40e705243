package io.partnerflow.app.demo;

import io.partnerflow.app.plan.ActivityKind;
import io.partnerflow.app.plan.PlanContent;
import io.partnerflow.app.plan.PlannedActivity;
import io.partnerflow.app.plan.QuarterTarget;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Joint business plans of the demo partners: growing quarterly targets and a few activities. */
final class DemoPlans {

  private static final List<String> OBJECTIVES =
      List.of(
          "Win new mid-market customers in our home region and certify the sales team.",
          "Build a services practice around the platform and bring two reference customers.",
          "Cross-sell the platform to our installed base; one launch event per half year.",
          "在华东地区拓展中型企业客户，并完成销售团队认证。");

  private static final List<String> ACTIVITIES =
      List.of("Customer roadshow", "Webinar series", "Sales bootcamp", "Trade fair booth");

  private DemoPlans() {}

  static PlanContent plan(int year, Random random, List<String> productLines) {
    int customers = 1 + random.nextInt(3);
    int revenue = 10_000 * (1 + random.nextInt(5));
    List<QuarterTarget> targets = new ArrayList<>();
    for (int quarter = 1; quarter <= 4; quarter++) {
      targets.add(
          new QuarterTarget(
              quarter,
              customers + quarter - 1,
              BigDecimal.valueOf((long) revenue * quarter),
              "EUR",
              Math.min(quarter, 3)));
    }
    List<PlannedActivity> activities = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      ActivityKind kind = ActivityKind.values()[random.nextInt(ActivityKind.values().length)];
      boolean funded = random.nextBoolean();
      activities.add(
          new PlannedActivity(
              kind,
              DemoNames.pick(random, ACTIVITIES),
              LocalDate.of(year, 2 + random.nextInt(10), 1 + random.nextInt(28)),
              "Partner marketing",
              funded ? BigDecimal.valueOf(1_000L * (1 + random.nextInt(5))) : null,
              funded ? "EUR" : null));
    }
    List<String> lines =
        new ArrayList<>(
            productLines.subList(0, Math.min(productLines.size(), 1 + random.nextInt(2))));
    return new PlanContent(year, DemoNames.pick(random, OBJECTIVES), targets, activities, lines);
  }
}
