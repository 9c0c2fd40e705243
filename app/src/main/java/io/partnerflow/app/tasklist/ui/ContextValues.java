package io.partnerflow.app.tasklist.ui;

import io.partnerflow.app.base.i18n.Countries;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Process values as a reviewer reads them, in their language: a country by its name, a partner type
 * and industries as the apply form offered them, the screening result in words. Anything else as it
 * is.
 */
final class ContextValues {

  /** The apply form's option texts: the words the applicant chose from. */
  private static final String APPLY_FORM_TEXTS = "forms/i18n/partner-application_%s.properties";

  private static final Map<String, Properties> TEXTS = new ConcurrentHashMap<>();

  private ContextValues() {}

  /**
   * @param translate the UI's translation of a message key (for the screening result's words)
   */
  static String shown(
      String name, Object value, Locale locale, Function<String, String> translate) {
    return switch (name) {
      case "country" -> Countries.name(String.valueOf(value), locale);
      case "partnerType", "targetIndustries" -> options(name, value, locale);
      case "screeningResult" -> {
        String key = "tasklist.value.screeningResult." + value;
        String words = translate.apply(key);
        yield words == null || words.startsWith("!") ? String.valueOf(value) : words;
      }
      case "screeningReasons" ->
          value instanceof Collection<?> reasons
              ? reasons.stream().map(String::valueOf).collect(Collectors.joining("; "))
              : String.valueOf(value);
      default -> String.valueOf(value);
    };
  }

  private static String options(String name, Object value, Locale locale) {
    Properties texts = applyFormTexts(locale);
    if (value instanceof Collection<?> values) {
      return values.stream()
          .map(option -> texts.getProperty(name + ".option." + option, String.valueOf(option)))
          .collect(Collectors.joining(", "));
    }
    return texts.getProperty(name + ".option." + value, String.valueOf(value));
  }

  private static Properties applyFormTexts(Locale locale) {
    String language = locale != null && "zh".equals(locale.getLanguage()) ? "zh_CN" : "en";
    return TEXTS.computeIfAbsent(
        APPLY_FORM_TEXTS.formatted(language),
        file -> {
          Properties properties = new Properties();
          try (InputStream in = ContextValues.class.getClassLoader().getResourceAsStream(file)) {
            if (in != null) {
              properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
          }
          return properties;
        });
  }
}
