package io.partnerflow.app.recruitment.application;

import io.partnerflow.app.base.i18n.Countries;
import io.partnerflow.app.form.FormSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The start form of the latest deployed {@code partner-recruitment} version. */
public record ApplicationForm(FormSchema schema) {

  /**
   * What the start form reads besides the entered values: the country choices ({@code valuesKey:
   * countries}) in the reader's language. The server checks a submission against the same list.
   */
  public static Map<String, Object> variables(Locale locale) {
    List<Map<String, String>> countries =
        Countries.all(locale).stream()
            .map(country -> Map.of("value", country.code(), "label", country.name()))
            .toList();
    return Map.of("countries", countries);
  }
}
