package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.form.FormTranslations;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** Renders test forms into the current (Karibu mock) UI, with the real message bundles. */
final class FormRendering {

  static final FormRenderer RENDERER =
      new FormRenderer(new TranslationProvider(), new FormTranslations("forms-test/i18n"));
  private static final io.partnerflow.app.form.FormSchemaParser PARSER =
      new io.partnerflow.app.form.FormSchemaParser();

  private FormRendering() {}

  /** A form "test" with the given components JSON array. */
  static RenderedForm render(String components, Map<String, Object> variables) {
    return renderForm(
        "{\"id\": \"test\", \"components\": " + components + "}", variables, Locale.ENGLISH);
  }

  static RenderedForm renderForm(String json, Map<String, Object> variables, Locale locale) {
    RenderedForm form = RENDERER.render(PARSER.parse(json), variables, locale, ZoneId.of("UTC"));
    UI.getCurrent().add(form);
    return form;
  }

  @SuppressWarnings("unchecked")
  static <T extends Component> T field(RenderedForm form, String key) {
    return (T) form.field(key).orElseThrow();
  }
}
