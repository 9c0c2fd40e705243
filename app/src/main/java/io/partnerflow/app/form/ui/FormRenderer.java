package io.partnerflow.app.form.ui;

import com.vaadin.flow.i18n.I18NProvider;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.form.FeelExpressions;
import io.partnerflow.app.form.FormEvaluator;
import io.partnerflow.app.form.FormProperties;
import io.partnerflow.app.form.FormSchema;
import io.partnerflow.app.form.FormSchemaParser;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.FormTranslations;
import io.partnerflow.app.form.FormUploads;
import io.partnerflow.app.form.FormValidator;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a Camunda Form into Vaadin components. Thread-safe and shared; every call builds a new
 * {@link RenderedForm} for one UI.
 *
 * <pre>{@code
 * RenderedForm form = renderer.render(formJson, task variables, UI.getCurrent().getLocale());
 * view.add(form);
 * form.submit().ifPresent(values -> client.newCompleteUserTaskCommand(key).variables(values)...);
 * }</pre>
 */
@Component
public class FormRenderer {

  private final I18NProvider messages;
  private final FormTranslations translations;
  private final FormEvaluator evaluator = new FormEvaluator(new FeelExpressions());
  private final FormValidator validator = new FormValidator(evaluator);
  private final FormSchemaParser parser = new FormSchemaParser();
  private final ElementFactories factories = ElementFactories.builtIn();
  private final FormProperties properties;

  /** Without iframe hosts: for forms that show no embedded pages (the public apply form). */
  public FormRenderer(I18NProvider messages) {
    this(messages, new FormTranslations(), FormProperties.defaults());
  }

  @Autowired
  public FormRenderer(I18NProvider messages, FormProperties properties) {
    this(messages, new FormTranslations(), properties);
  }

  /** With the form translations read from elsewhere than {@code classpath:/forms/i18n}. */
  public FormRenderer(
      I18NProvider messages, FormTranslations translations, FormProperties properties) {
    this.messages = messages;
    this.translations = translations;
    this.properties = properties;
  }

  /** Parses form-js JSON and renders it; see {@link #render(FormSchema, Map, Locale, ZoneId)}. */
  public RenderedForm render(String formJson, Map<String, Object> variables, Locale locale) {
    return render(parser.parse(formJson), variables, locale);
  }

  /** Renders with dates and times in the server's zone. */
  public RenderedForm render(FormSchema schema, Map<String, Object> variables, Locale locale) {
    return render(schema, variables, locale, DisplayZone.get());
  }

  /**
   * @param variables the process or task variables: prefill values, FEEL context, valuesKey lists
   * @param locale chooses {@code forms/i18n/<formId>_en} or {@code _zh_CN} and the message texts
   * @param zone the user's time zone, for datetime fields that store an offset or UTC
   */
  public RenderedForm render(
      FormSchema schema, Map<String, Object> variables, Locale locale, ZoneId zone) {
    return render(schema, variables, locale, zone, FormUploads.NONE);
  }

  /**
   * @param uploads where the form's filepickers store and find files (a task's: {@code
   *     form.upload.TaskUploads})
   */
  public RenderedForm render(
      FormSchema schema,
      Map<String, Object> variables,
      Locale locale,
      ZoneId zone,
      FormUploads uploads) {
    RenderedForm form =
        new RenderedForm(
            schema,
            variables,
            evaluator,
            validator,
            error -> messages.getTranslation(error.messageKey(), locale, error.args().toArray()));
    FormState initial = RenderedForm.initialState(schema, variables, evaluator);
    RenderContext context =
        new RenderContext(
            translations.labels(schema.id(), locale),
            messages,
            locale,
            zone,
            initial,
            factories,
            form.actions(),
            properties.iframeHosts(),
            uploads);
    List<FormElement> elements =
        schema.components().stream()
            .map(component -> factories.create(component, context))
            .toList();
    form.build(elements);
    return form;
  }
}
