package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.SafeHtml;
import java.util.Objects;
import java.util.Set;

/**
 * html: the {@code content} markup (constant or FEEL), always through {@link SafeHtml} before it
 * reaches the browser, and again whenever the entered values change it.
 */
final class HtmlFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.HTML);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    Div holder = new Div();
    holder.addClassName("form-html");
    if (component.id() != null) {
      holder.setId("form-html-" + component.id());
    }
    HtmlElement element = new HtmlElement(component, holder);
    element.apply(context.state());
    return element;
  }

  private static final class HtmlElement implements FormElement {

    private final FormComponent definition;
    private final Div holder;
    private String shown;

    HtmlElement(FormComponent definition, Div holder) {
      this.definition = definition;
      this.holder = holder;
    }

    @Override
    public FormComponent definition() {
      return definition;
    }

    @Override
    public Component component() {
      return holder;
    }

    @Override
    public void apply(FormState state) {
      FormElement.super.apply(state);
      String clean = SafeHtml.sanitize(DynamicSource.text(definition.text("content"), state));
      if (Objects.equals(clean, shown)) {
        return;
      }
      shown = clean;
      holder.removeAll();
      // Html needs one root element around the sanitised fragment
      holder.add(new Html("<div>" + clean + "</div>"));
    }
  }
}
