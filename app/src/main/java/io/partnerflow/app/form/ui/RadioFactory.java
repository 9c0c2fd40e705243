package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormOption;
import java.util.Set;

/** radio: one of a few options, all visible. */
final class RadioFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.RADIO);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    RadioButtonGroup<FormOption> field =
        Fields.decorate(new RadioButtonGroup<>(), component, context);
    field.setItemLabelGenerator(option -> context.labels().option(component, option));
    return ValueElement.withOptions(
        component,
        field,
        Converters.SINGLE_OPTION,
        context.state().options(component),
        field::setItems);
  }
}
