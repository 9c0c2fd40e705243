package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.textfield.TextField;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import java.util.Set;

/** textfield: a single line of text. */
final class TextFieldFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.TEXTFIELD);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    TextField field = Fields.decorate(new TextField(), component, context);
    if (component.validate().maxLength() != null) {
      field.setMaxLength(component.validate().maxLength());
    }
    return ValueElement.of(component, field, Converters.TEXT);
  }
}
