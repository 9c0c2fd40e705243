package io.partnerflow.app.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import io.partnerflow.app.base.ui.chart.Chart;
import io.partnerflow.app.base.ui.chart.ChartData;
import io.partnerflow.app.base.ui.chart.ChartKind;
import io.partnerflow.app.dashboard.MyPlans;
import io.partnerflow.app.dashboard.PlanAttainment;
import io.partnerflow.app.qbr.DueReview;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A partner manager's plan attainment per partner (the latest reviewed quarter, as percent of each
 * target) and the quarterly reviews due, from the quarterly business reviews; an empty state where
 * there are none yet.
 */
class PlanSection {

  private final MyPlans plans;
  private final ZoneId zone;
  private final Locale locale;

  PlanSection(MyPlans plans, ZoneId zone, Locale locale) {
    this.plans = plans;
    this.zone = zone;
    this.locale = locale;
  }

  void addTo(Div grid) {
    grid.add(attainment(grid), reviewsDue(grid));
  }

  private Div attainment(Div host) {
    List<PlanAttainment> rows = plans.attainment();
    if (rows.isEmpty()) {
      return empty(host, "home-plans", "dashboard.home.plans", "dashboard.home.plansEmpty");
    }
    List<String> labels =
        rows.stream().map(row -> row.partnerName() + " " + row.quarter()).toList();
    Div box = new Div();
    box.add(
        new Chart(
            "home-plans",
            new ChartData(
                ChartKind.BAR,
                host.getTranslation("dashboard.home.plans"),
                "plan-attainment",
                labels,
                List.of(
                    series(host, "dashboard.plan.revenue", rows, PlanAttainment::revenue),
                    series(host, "dashboard.plan.newCustomers", rows, PlanAttainment::newCustomers),
                    series(
                        host,
                        "dashboard.plan.certifiedPeople",
                        rows,
                        PlanAttainment::certifiedPeople)))));
    return box;
  }

  private static ChartData.Series series(
      Div host, String key, List<PlanAttainment> rows, Function<PlanAttainment, Double> share) {
    return new ChartData.Series(
        host.getTranslation(key),
        rows.stream()
            .map(share)
            .map(value -> value == null ? null : Math.round(value * 1000) / 10.0)
            .toList());
  }

  private Div reviewsDue(Div host) {
    List<DueReview> due = plans.reviewsDue();
    if (due.isEmpty()) {
      return empty(
          host, "home-reviews-due", "dashboard.home.reviewsDue", "dashboard.home.noReviewsDue");
    }
    Div box = new Div();
    box.setId("home-reviews-due");
    box.addClassName("pf-chart");
    H3 title = new H3(host.getTranslation("dashboard.home.reviewsDue"));
    title.addClassName("pf-chart-title");
    box.add(title);
    DateTimeFormatter day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    for (DueReview review : due) {
      Anchor partner = new Anchor("partners/" + review.partnerId(), review.partnerName());
      String when =
          host.getTranslation(
              review.escalated()
                  ? "dashboard.home.reviewEscalated"
                  : "dashboard.home.reviewMissedAt",
              review.quarter(),
              review.missedAt() == null ? "" : day.format(review.missedAt()));
      box.add(new Div(partner, new com.vaadin.flow.component.html.Span(" · " + when)));
    }
    return box;
  }

  private static Div empty(Div host, String id, String titleKey, String textKey) {
    Div box = new Div();
    box.setId(id);
    box.addClassName("pf-chart");
    H3 title = new H3(host.getTranslation(titleKey));
    title.addClassName("pf-chart-title");
    Paragraph text = new Paragraph(host.getTranslation(textKey));
    text.addClassName("pf-chart-empty");
    box.add(title, text);
    return box;
  }
}
