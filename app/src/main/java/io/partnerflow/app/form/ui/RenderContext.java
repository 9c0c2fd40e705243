package io.partnerflow.app.form.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.partnerflow.app.form.FormLabels;
import io.partnerflow.app.form.FormState;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What a factory needs besides the component: the texts, the user's locale and zone, the state at
 * first render (locks, options), the registry for nested components and the form's actions.
 */
record RenderContext(
    FormLabels labels,
    I18NProvider messages,
    Locale locale,
    ZoneId zone,
    FormState state,
    ElementFactories factories,
    FormActions actions) {

  String message(String key, Object... args) {
    return messages.getTranslation(key, locale, args);
  }
}
