package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.SafeHtml;
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
    HtmlElement element = new HtmlElement(component);
    element.apply(context.state());
    return element;
  }

  private static final class HtmlElement extends DisplayElement {

    HtmlElement(FormComponent definition) {
      super(definition, "html");
    }

    @Override
    String content(FormState state) {
      return SafeHtml.sanitize(DynamicSource.text(definition().text("content"), state));
    }

    @Override
    void show(String clean, Div holder) {
      // Html needs one root element around the sanitised fragment
      holder.add(new Html("<div>" + clean + "</div>"));
    }
  }
}
