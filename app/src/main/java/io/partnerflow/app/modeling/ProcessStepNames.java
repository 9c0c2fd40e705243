package io.partnerflow.app.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The names people read for a process's steps, in their language: {@code
 * bpmn/i18n/<processId>_<lang>.properties} (lang {@code en} or {@code zh_CN}) keyed by element id;
 * the process's own id names the process. A step without a translation keeps the name the model (as
 * the engine reports it) gives it, else its id. Files ship in the jar and are read once.
 */
public final class ProcessStepNames {

  static final String BASE = "bpmn/i18n";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
  private static final Map<String, Properties> CACHE = new ConcurrentHashMap<>();

  private ProcessStepNames() {}

  /**
   * @param modelName the element's name in the deployed model (the fallback), may be null
   */
  public static String step(String processId, String elementId, String modelName, Locale locale) {
    String translated = elementId == null ? null : names(processId, locale).getProperty(elementId);
    if (translated != null && !translated.isBlank()) {
      return translated;
    }
    if (modelName != null && !modelName.isBlank()) {
      return modelName;
    }
    return elementId == null ? "" : elementId;
  }

  /** The process's name, e.g. "Partner recruitment" for {@code partner-recruitment}. */
  public static String process(String processId, Locale locale) {
    return step(processId, processId, processId, locale);
  }

  static Properties names(String processId, Locale locale) {
    if (processId == null || !SAFE_ID.matcher(processId).matches()) {
      return new Properties();
    }
    String file = BASE + "/" + processId + "_" + language(locale) + ".properties";
    return CACHE.computeIfAbsent(file, ProcessStepNames::load);
  }

  static String language(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? "zh_CN" : "en";
  }

  private static Properties load(String file) {
    Properties properties = new Properties();
    try (InputStream in = ProcessStepNames.class.getClassLoader().getResourceAsStream(file)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read step names " + file, e);
    }
    return properties;
  }
}
