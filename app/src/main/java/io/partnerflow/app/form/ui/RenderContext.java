package io.partnerflow.app.form.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.partnerflow.app.form.FormLabels;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.FormUploads;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What a factory needs besides the component: the texts, the user's locale and zone, the state at
 * first render (locks, options), the registry for nested components, the form's actions, the iframe
 * hosts allowed and where filepickers keep their files.
 */
record RenderContext(
    FormLabels labels,
    I18NProvider messages,
    Locale locale,
    ZoneId zone,
    FormState state,
    ElementFactories factories,
    FormActions actions,
    List<String> frameHosts,
    FormUploads uploads) {

  String message(String key, Object... args) {
    return messages.getTranslation(key, locale, args);
  }
}
