package io.partnerflow.app.monitoring.ui;

import io.partnerflow.app.base.DisplayZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as the user's language writes them, in the server's time zone, to the second. */
final class MonitoringFormats {

  private MonitoringFormats() {}

  static String dateTime(Instant instant, Locale locale) {
    if (instant == null) {
      return "—";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
        .withLocale(locale)
        .withZone(DisplayZone.get())
        .format(instant);
  }
}
