package io.partnerflow.app.dashboard.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.base.i18n.Countries;
import io.partnerflow.app.base.ui.chart.Chart;
import io.partnerflow.app.base.ui.chart.ChartData;
import io.partnerflow.app.base.ui.chart.ChartKind;
import io.partnerflow.app.dashboard.ChannelDashboard;
import io.partnerflow.app.dashboard.CountBy;
import io.partnerflow.app.dashboard.Coverage;
import io.partnerflow.app.dashboard.FunnelStep;
import io.partnerflow.app.dashboard.StageTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The channel dashboard's figures as chart data, in the reader's language. */
class ChannelCharts {

  /** Countries drawn one by one; the rest are summed as "other". */
  static final int TOP_COUNTRIES = 10;

  private final Component host;
  private final ChannelDashboard dashboard;
  private final Locale locale;

  ChannelCharts(Component host, ChannelDashboard dashboard, Locale locale) {
    this.host = host;
    this.locale = locale;
    this.dashboard = dashboard;
  }

  Chart funnel() {
    List<FunnelStep> steps = dashboard.funnel();
    return chart(
        "dashboard-funnel",
        ChartKind.HORIZONTAL_BAR,
        "dashboard.funnel.title",
        "funnel",
        steps.stream().map(step -> t("dashboard.funnel." + step.stage().name())).toList(),
        series("dashboard.funnel.count", steps, step -> (double) step.count()));
  }

  Chart conversion() {
    List<FunnelStep> steps = dashboard.funnel().subList(1, dashboard.funnel().size());
    return chart(
        "dashboard-conversion",
        ChartKind.BAR,
        "dashboard.conversion.title",
        "conversion",
        steps.stream().map(step -> t("dashboard.funnel." + step.stage().name())).toList(),
        series(
            "dashboard.conversion.percent",
            steps,
            step -> step.conversion() == null ? 0 : Math.round(step.conversion() * 1000) / 10.0));
  }

  Chart stageTimes() {
    List<StageTime> times = dashboard.stageTimes();
    List<String> labels =
        times.stream().map(time -> t("dashboard.stage." + time.stage().name())).toList();
    List<ChartData.Series> both = new ArrayList<>();
    both.addAll(series("dashboard.stage.median", times, time -> days(time.median())));
    both.addAll(series("dashboard.stage.p90", times, time -> days(time.p90())));
    return new Chart(
        "dashboard-stage-times",
        new ChartData(ChartKind.BAR, t("dashboard.stage.title"), "stage-times", labels, both));
  }

  Chart breaches() {
    return chart(
        "dashboard-sla",
        ChartKind.BAR,
        "dashboard.sla.title",
        "sla-breaches",
        List.of(t("dashboard.sla.reviews"), t("dashboard.sla.signatures")),
        List.of(
            new ChartData.Series(
                t("dashboard.sla.count"),
                List.of(
                    (double) dashboard.breaches().reviews(),
                    (double) dashboard.breaches().signatures()))));
  }

  Chart byTier() {
    List<CountBy> tiers = dashboard.partnersByTier();
    return chart(
        "dashboard-tiers",
        ChartKind.DOUGHNUT,
        "dashboard.tiers.title",
        "partners-by-tier",
        tiers.stream().map(tier -> t("partner.tier." + tier.key())).toList(),
        series("dashboard.partners", tiers, tier -> (double) tier.count()));
  }

  Chart byCountry() {
    List<CountBy> all = dashboard.partnersByCountry();
    List<CountBy> shown = new ArrayList<>(all.subList(0, Math.min(TOP_COUNTRIES, all.size())));
    long rest = all.stream().skip(TOP_COUNTRIES).mapToLong(CountBy::count).sum();
    List<String> labels =
        new ArrayList<>(shown.stream().map(c -> Countries.name(c.key(), locale)).toList());
    if (rest > 0) {
      shown.add(new CountBy("", rest));
      labels.add(t("dashboard.countries.other"));
    }
    return chart(
        "dashboard-countries",
        ChartKind.HORIZONTAL_BAR,
        "dashboard.countries.title",
        "partners-by-country",
        labels,
        series("dashboard.partners", shown, c -> (double) c.count()));
  }

  Chart coverage() {
    List<Coverage> tiers = dashboard.certification();
    return chart(
        "dashboard-certification",
        ChartKind.BAR,
        "dashboard.certification.title",
        "certification-coverage",
        tiers.stream().map(tier -> t("partner.tier." + tier.tier())).toList(),
        series(
            "dashboard.certification.percent",
            tiers,
            tier -> Math.round(tier.share() * 1000) / 10.0));
  }

  /** Days with one decimal; nothing measured is drawn as zero (the table says the count). */
  static double days(Duration duration) {
    return duration == null ? 0 : Math.round(duration.toMinutes() / 144.0) / 10.0;
  }

  private Chart chart(
      String id,
      ChartKind kind,
      String titleKey,
      String fileName,
      List<String> labels,
      List<ChartData.Series> series) {
    return new Chart(id, new ChartData(kind, t(titleKey), fileName, labels, series));
  }

  private <T> List<ChartData.Series> series(
      String nameKey, List<T> items, Function<T, Double> value) {
    return List.of(new ChartData.Series(t(nameKey), items.stream().map(value).toList()));
  }

  private String t(String key) {
    return host.getTranslation(key);
  }
}
