package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import java.util.Set;

/** checkbox: a boolean; "required" means it must be ticked (consent). */
final class CheckboxFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.CHECKBOX);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    Checkbox field = Fields.decorate(new Checkbox(), component, context);
    return ValueElement.of(component, field, Converters.BOOLEAN);
  }
}
