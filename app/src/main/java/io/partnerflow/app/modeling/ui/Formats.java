package io.partnerflow.app.modeling.ui;

import io.partnerflow.app.base.DisplayZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as the workspace shows them. */
final class Formats {

  private Formats() {}

  static String dateTime(Instant at, Locale locale) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(DisplayZone.get())
        .format(at);
  }
}
