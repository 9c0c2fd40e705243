package io.partnerflow.app.base.ui.chart;

/** The chart types the dashboards use (Chart.js type names in lower case). */
public enum ChartKind {
  BAR,
  HORIZONTAL_BAR,
  LINE,
  DOUGHNUT
}
