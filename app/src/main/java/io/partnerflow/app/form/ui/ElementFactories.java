package io.partnerflow.app.form.ui;

import io.partnerflow.app.form.FormComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry from form-js type to factory. A type without a factory gets the visible
 * "unsupported" placeholder, never nothing.
 */
final class ElementFactories {

  private final Map<String, ElementFactory> byType = new HashMap<>();
  private final ElementFactory unsupported = new UnsupportedFactory();

  ElementFactories(List<ElementFactory> factories) {
    for (ElementFactory factory : factories) {
      for (String type : factory.types()) {
        byType.put(type, factory);
      }
    }
  }

  static ElementFactories builtIn() {
    return new ElementFactories(
        List.of(
            new TextFieldFactory(),
            new TextAreaFactory(),
            new NumberFactory(),
            new CheckboxFactory(),
            new RadioFactory(),
            new SelectFactory(),
            new ChecklistFactory(),
            new TaglistFactory(),
            new DateTimeFactory(),
            new TextFactory(),
            new GroupFactory(),
            new ButtonFactory(),
            new LayoutFactory(),
            new FilePickerFactory(),
            new DynamicListFactory(),
            new TableFactory(),
            new ImageFactory(),
            new HtmlFactory(),
            new IframeFactory()));
  }

  FormElement create(FormComponent component, RenderContext context) {
    return byType.getOrDefault(component.type(), unsupported).create(component, context);
  }
}
