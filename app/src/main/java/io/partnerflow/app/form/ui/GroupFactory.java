package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import java.util.List;
import java.util.Set;

/** group: a titled box around nested components; hiding it hides them all. */
final class GroupFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.GROUP);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    Div box = new Div();
    box.addClassName("form-group");
    if (component.bool("showOutline")) {
      box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
      box.getStyle().set("border-radius", "var(--lumo-border-radius-m)");
      box.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
    }
    String label = context.labels().label(component);
    if (label != null && !label.isBlank()) {
      box.add(new H4(label));
    }
    List<FormElement> children =
        component.components().stream()
            .map(child -> context.factories().create(child, context))
            .toList();
    children.forEach(child -> box.add(child.component()));
    return new GroupElement(component, box, children);
  }

  /** The nested elements are reached through {@link #children()} to collect their values. */
  record GroupElement(FormComponent definition, Div component, List<FormElement> children)
      implements FormElement {}
}
