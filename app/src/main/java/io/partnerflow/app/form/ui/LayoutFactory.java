package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Hr;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import java.util.Set;

/** spacer (empty height, 60px by default as in form-js) and separator (a rule). */
final class LayoutFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.SPACER, ComponentTypes.SEPARATOR);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    if (ComponentTypes.SEPARATOR.equals(component.type())) {
      return new StaticElement(component, new Hr());
    }
    Div spacer = new Div();
    int height = component.properties().path("height").asInt(60);
    spacer.setHeight(Math.max(0, Math.min(height, 1000)) + "px");
    return new StaticElement(component, spacer);
  }
}
