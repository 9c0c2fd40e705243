package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.form.FormProperties;
import io.partnerflow.app.form.FormTranslations;
import io.partnerflow.app.form.FormUploads;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders test forms into the current (Karibu mock) UI, with the real message bundles. */
final class FormRendering {

  /** The one host test forms may frame. */
  static final String FRAME_HOST = "www.youtube-nocookie.com";

  static final FormRenderer RENDERER =
      new FormRenderer(
          new TranslationProvider(),
          new FormTranslations("forms-test/i18n"),
          new FormProperties(List.of(FRAME_HOST), null));
  private static final io.partnerflow.app.form.FormSchemaParser PARSER =
      new io.partnerflow.app.form.FormSchemaParser();

  private FormRendering() {}

  /** A form "test" with the given components JSON array. */
  static RenderedForm render(String components, Map<String, Object> variables) {
    return renderForm(
        "{\"id\": \"test\", \"components\": " + components + "}", variables, Locale.ENGLISH);
  }

  static RenderedForm renderForm(String json, Map<String, Object> variables, Locale locale) {
    return renderForm(json, variables, locale, FormUploads.NONE);
  }

  /** A form "test" whose filepickers keep their files in {@code uploads}. */
  static RenderedForm render(
      String components, Map<String, Object> variables, FormUploads uploads) {
    return renderForm(
        "{\"id\": \"test\", \"components\": " + components + "}",
        variables,
        Locale.ENGLISH,
        uploads);
  }

  static RenderedForm renderForm(
      String json, Map<String, Object> variables, Locale locale, FormUploads uploads) {
    RenderedForm form =
        RENDERER.render(PARSER.parse(json), variables, locale, ZoneId.of("UTC"), uploads);
    UI.getCurrent().add(form);
    return form;
  }

  @SuppressWarnings("unchecked")
  static <T extends Component> T field(RenderedForm form, String key) {
    return (T) form.field(key).orElseThrow();
  }
}
