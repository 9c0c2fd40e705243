package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.textfield.TextArea;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import java.util.Set;

/** textarea: several lines of text. */
final class TextAreaFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.TEXTAREA);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    TextArea field = Fields.decorate(new TextArea(), component, context);
    if (component.validate().maxLength() != null) {
      field.setMaxLength(component.validate().maxLength());
    }
    return ValueElement.of(component, field, Converters.TEXT);
  }
}
