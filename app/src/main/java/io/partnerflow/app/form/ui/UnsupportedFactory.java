package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.form.FormComponent;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A type the renderer does not know: a visible placeholder, so a form author notices, and a warning
 * in the log. Its key is not an input, so the server rejects a value for it too.
 */
final class UnsupportedFactory implements ElementFactory {

  private static final Logger log = LoggerFactory.getLogger(UnsupportedFactory.class);

  @Override
  public Set<String> types() {
    return Set.of();
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    log.warn(
        "Unsupported form field type '{}' (key '{}', id '{}') shown as a placeholder",
        component.type(),
        component.key(),
        component.id());
    Span placeholder = new Span(context.message("form.unsupported", component.type()));
    placeholder.getElement().getThemeList().add("badge error");
    placeholder.addClassName("form-unsupported");
    return new StaticElement(component, placeholder);
  }
}
