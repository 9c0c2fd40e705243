package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormOption;
import java.util.Set;

/** checklist: any number of a few options, one checkbox each. */
final class ChecklistFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.CHECKLIST);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    CheckboxGroup<FormOption> field = Fields.decorate(new CheckboxGroup<>(), component, context);
    field.setItemLabelGenerator(option -> context.labels().option(component, option));
    return ValueElement.withOptions(
        component,
        field,
        Converters.OPTION_SET,
        context.state().options(component),
        field::setItems);
  }
}
