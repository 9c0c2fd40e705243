package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormOption;
import java.util.Set;

/** taglist: any number of many options, searchable, shown as chips. */
final class TaglistFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.TAGLIST);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    MultiSelectComboBox<FormOption> field =
        Fields.decorate(new MultiSelectComboBox<>(), component, context);
    field.setItemLabelGenerator(option -> context.labels().option(component, option));
    return ValueElement.withOptions(
        component,
        field,
        Converters.OPTION_SET,
        context.state().options(component),
        field::setItems);
  }
}
