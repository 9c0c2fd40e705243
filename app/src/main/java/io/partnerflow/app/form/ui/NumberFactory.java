package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.textfield.BigDecimalField;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import java.util.Set;

/** number: exact decimals (BigDecimalField), so 0.1 + 0.2 stays what the user typed. */
final class NumberFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.NUMBER);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    BigDecimalField field = Fields.decorate(new BigDecimalField(), component, context);
    return ValueElement.of(
        component, field, Converters.number(component.bool("serializeToString")));
  }
}
