package io.partnerflow.app.base.ui.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Figures as the dashboards print them: up to one decimal, no grouping surprises. */
public final class ChartNumbers {

  private ChartNumbers() {}

  public static String format(double value) {
    return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(value);
  }
}
