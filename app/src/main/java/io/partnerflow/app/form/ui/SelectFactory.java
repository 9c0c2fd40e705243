package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.select.Select;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormOption;
import java.util.Set;

/** select: one of many options in a drop-down; an optional one can be cleared again. */
final class SelectFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.SELECT);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    Select<FormOption> field = Fields.decorate(new Select<>(), component, context);
    field.setEmptySelectionAllowed(!component.validate().required());
    // the empty entry is rendered with a null item
    field.setItemLabelGenerator(
        option -> option == null ? "" : context.labels().option(component, option));
    return ValueElement.withOptions(
        component,
        field,
        Converters.SINGLE_OPTION,
        context.state().options(component),
        field::setItems);
  }
}
