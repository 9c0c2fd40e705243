package io.partnerflow.app.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * English and Simplified Chinese. Every feature keeps its own bundle {@code
 * i18n/<feature>.properties} (plus {@code _zh_CN}); a key is looked up in all of them. Vaadin
 * matches the browser's languages against {@link #getProvidedLocales()} to pick a user's first
 * locale.
 */
@Component
public class TranslationProvider implements I18NProvider {

  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final List<String> bundles = discoverBundles();

  @Override
  public List<Locale> getProvidedLocales() {
    return List.of(ENGLISH, CHINESE);
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    if (key == null) {
      return "";
    }
    Locale effective = locale == null ? ENGLISH : locale;
    for (String bundle : bundles) {
      ResourceBundle messages = ResourceBundle.getBundle(bundle, effective, NO_FALLBACK);
      if (messages.containsKey(key)) {
        String pattern = messages.getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
      }
    }
    // visible on screen so a missing translation is noticed, never a blank label
    log.warn("Missing translation '{}' for {}", key, effective);
    return "!" + key;
  }

  /** Base names of the bundles on the classpath: i18n/*.properties without a locale suffix. */
  private static List<String> discoverBundles() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
      return Arrays.stream(files)
          .map(Resource::getFilename)
          .filter(Objects::nonNull)
          .filter(name -> !name.contains("_"))
          .map(name -> "i18n." + name.substring(0, name.length() - ".properties".length()))
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the translation bundles", e);
    }
  }
}
