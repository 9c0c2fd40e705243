package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import java.util.Set;

/** button: "submit" validates and hands the values to the submit listeners; "reset" refills. */
final class ButtonFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.BUTTON);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    Button button = new Button(context.labels().label(component));
    if ("reset".equals(component.text("action"))) {
      button.addClickListener(click -> context.actions().reset());
    } else {
      button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      button.addClickListener(click -> context.actions().submit());
    }
    if (component.disabled()) {
      button.setEnabled(false);
    }
    return new StaticElement(component, button);
  }
}
