package io.partnerflow.app.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a form's translations from {@code <base>/<formId>_<lang>.properties} on the classpath
 * (UTF-8; lang {@code en} or {@code zh_CN}). Files are read once and cached: they ship in the jar.
 */
public final class FormTranslations {

  public static final String DEFAULT_BASE = "forms/i18n";

  private final String base;
  private final Map<String, Properties> cache = new ConcurrentHashMap<>();

  public FormTranslations() {
    this(DEFAULT_BASE);
  }

  public FormTranslations(String base) {
    this.base = base;
  }

  public FormLabels labels(String formId, Locale locale) {
    if (!FormIds.isSafe(formId)) {
      return new FormLabels(new Properties());
    }
    String file = base + "/" + formId + "_" + language(locale) + ".properties";
    return new FormLabels(cache.computeIfAbsent(file, FormTranslations::load));
  }

  static String language(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? "zh_CN" : "en";
  }

  private static Properties load(String file) {
    Properties properties = new Properties();
    try (InputStream in = FormTranslations.class.getClassLoader().getResourceAsStream(file)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read form translations " + file, e);
    }
    return properties;
  }
}
