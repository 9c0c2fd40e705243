package io.partnerflow.app.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Fills {@code {name}} placeholders of the templates under {@code notification/templates/}:
 * parameters are HTML-escaped in the body, line breaks removed in the subject. A missing parameter,
 * an unknown template, or a link parameter ({@code *Link}, {@code *Url}) that is not an http(s)
 * address is refused, so a broken notice never reaches the outbox.
 */
@Component
class TemplateRenderer {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
  private static final Pattern TEMPLATE_ID = Pattern.compile("^[a-z0-9-]{1,60}$");

  private final Map<String, Properties> cache = new ConcurrentHashMap<>();

  RenderedNotice render(String templateId, Locale locale, Map<String, ?> params) {
    Properties template = template(templateId, language(locale));
    String subject = fill(templateId, template.getProperty("subject"), params, false);
    String body = fill(templateId, template.getProperty("body"), params, true);
    return new RenderedNotice(subject.replaceAll("[\\r\\n]+", " ").strip(), body);
  }

  /** The template file suffix: Simplified Chinese for any Chinese locale, English otherwise. */
  static String language(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? "zh_CN" : "en";
  }

  /** The locale a notice is rendered in, as a language tag (en, zh-CN). */
  static String languageTag(Locale locale) {
    return language(locale).replace('_', '-');
  }

  private Properties template(String templateId, String language) {
    if (templateId == null || !TEMPLATE_ID.matcher(templateId).matches()) {
      throw new IllegalArgumentException("Not a template id: " + templateId);
    }
    return cache.computeIfAbsent(templateId + "_" + language, TemplateRenderer::load);
  }

  private static Properties load(String name) {
    String path = "notification/templates/" + name + ".properties";
    try (InputStream in = TemplateRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No notification template " + path);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (properties.getProperty("subject") == null || properties.getProperty("body") == null) {
        throw new IllegalStateException(path + " needs a subject and a body");
      }
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static String fill(String templateId, String text, Map<String, ?> params, boolean html) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      if (params == null || params.get(name) == null) {
        throw new IllegalArgumentException(
            "Template " + templateId + " needs parameter '" + name + "'");
      }
      String value = String.valueOf(params.get(name));
      if ((name.endsWith("Link") || name.endsWith("Url"))
          && !value.matches("(?i)^https?://[^\\s\"'<>]+$")) {
        throw new IllegalArgumentException(
            "Parameter '" + name + "' of " + templateId + " must be an http(s) address");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escapeHtml(value) : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String escapeHtml(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
