package io.partnerflow.app.tasklist.ui;

import io.partnerflow.app.base.DisplayZone;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as the user's language writes them, in the server's time zone. */
final class TaskFormats {

  private TaskFormats() {}

  static String dateTime(Instant instant, Locale locale) {
    return dateTime(instant, locale, DisplayZone.get());
  }

  static String dateTime(Instant instant, Locale locale, ZoneId zone) {
    if (instant == null) {
      return "—";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(zone)
        .format(instant);
  }
}
