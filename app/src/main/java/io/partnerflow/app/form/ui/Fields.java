package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.HasPrefix;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.component.shared.InputField;
import io.partnerflow.app.form.FormComponent;

/**
 * What every input gets alike: label, description, required mark, id, lock, prefix/suffix adorners
 * and validation mode.
 */
final class Fields {

  private Fields() {}

  static <F extends Component & InputField<?, ?>> F decorate(
      F field, FormComponent component, RenderContext context) {
    field.setLabel(context.labels().label(component));
    field.setHelperText(context.labels().description(component));
    field.setRequiredIndicatorVisible(component.validate().required());
    field.setId("form-field-" + component.key());
    field.setWidthFull();
    field.setReadOnly(context.state().isLocked(component));
    if (component.disabled()) {
      field.setEnabled(false);
    }
    String prefix = component.properties().path("appearance").path("prefixAdorner").asText("");
    String suffix = component.properties().path("appearance").path("suffixAdorner").asText("");
    if (field instanceof HasPrefix prefixed && !prefix.isBlank()) {
      prefixed.setPrefixComponent(new Span(prefix));
    }
    if (field instanceof HasSuffix suffixed && !suffix.isBlank()) {
      suffixed.setSuffixComponent(new Span(suffix));
    }
    if (field instanceof HasValidation validation) {
      // the form validates with FormValidator; Vaadin's own checks would disagree with it
      validation.setManualValidation(true);
    }
    return field;
  }
}
