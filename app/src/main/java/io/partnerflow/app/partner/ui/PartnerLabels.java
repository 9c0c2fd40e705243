package io.partnerflow.app.partner.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.base.i18n.Countries;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Translated labels of partner values, shared by the partner views. */
final class PartnerLabels {

  private PartnerLabels() {}

  static String of(Component component, Enum<?> value) {
    if (value == null) {
      return "";
    }
    String kind =
        value.getDeclaringClass().getSimpleName().replace("Partner", "").toLowerCase(Locale.ROOT);
    return component.getTranslation("partner." + kind + "." + value.name());
  }

  static String country(String code, Locale locale) {
    return Countries.name(code, locale);
  }

  static String dateTime(Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(DisplayZone.get())
        .format(instant);
  }
}
