package io.partnerflow.app.base.ui.chart;

import java.util.List;

/**
 * What a chart shows: one label per category and one or more series of values, all already in the
 * reader's language. The same data draws the chart, fills its table and becomes its CSV file.
 *
 * @param fileName base name of the exported files (without extension), e.g. {@code funnel}
 */
public record ChartData(
    ChartKind kind, String title, String fileName, List<String> labels, List<Series> series) {

  public ChartData {
    labels = List.copyOf(labels);
    series = List.copyOf(series);
    for (Series one : series) {
      if (one.values().size() != labels.size()) {
        throw new IllegalArgumentException(
            "series "
                + one.name()
                + " has "
                + one.values().size()
                + " values for "
                + labels.size()
                + " labels");
      }
    }
  }

  /** One named row of values, one per label. */
  public record Series(String name, List<Double> values) {
    public Series {
      values = List.copyOf(values);
    }
  }

  /** Whether there is nothing to draw (no label, or every value zero). */
  public boolean empty() {
    return labels.isEmpty()
        || series.stream().flatMap(s -> s.values().stream()).allMatch(v -> v == null || v == 0);
  }
}
