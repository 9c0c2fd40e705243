package io.partnerflow.app.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * English and Simplified Chinese from {@code i18n/messages*.properties}. Vaadin matches the
 * browser's languages against {@link #getProvidedLocales()} to pick a user's first locale.
 */
@Component
public class TranslationProvider implements I18NProvider {

  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

  private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);
  private static final String BUNDLE = "i18n.messages";

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
    try {
      String pattern =
          ResourceBundle.getBundle(
                  BUNDLE,
                  effective,
                  ResourceBundle.Control.getNoFallbackControl(
                      ResourceBundle.Control.FORMAT_PROPERTIES))
              .getString(key);
      return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
    } catch (MissingResourceException e) {
      // visible on screen so a missing translation is noticed, never a blank label
      log.warn("Missing translation '{}' for {}", key, effective);
      return "!" + key;
    }
  }
}
