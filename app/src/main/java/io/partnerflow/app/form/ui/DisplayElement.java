package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import java.util.Objects;

/**
 * A display-only element (text, html, image): a holder {@code <div>} filled again only when what it
 * shows changes with the entered values, so typing elsewhere in the form does not redraw it.
 */
abstract class DisplayElement implements FormElement {

  private final FormComponent definition;
  private final Div holder = new Div();
  private String shown;

  /** {@code kind} names the holder's class ({@code form-<kind>}) and id prefix. */
  DisplayElement(FormComponent definition, String kind) {
    this.definition = definition;
    holder.addClassName("form-" + kind);
    if (definition.id() != null) {
      holder.setId("form-" + kind + "-" + definition.id());
    }
  }

  /** What the element shows for these values; the holder is filled again only when it changes. */
  abstract String content(FormState state);

  /** Fills the emptied holder with {@code content}. */
  abstract void show(String content, Div holder);

  @Override
  public final FormComponent definition() {
    return definition;
  }

  @Override
  public final Component component() {
    return holder;
  }

  @Override
  public final void apply(FormState state) {
    FormElement.super.apply(state);
    String content = content(state);
    if (Objects.equals(content, shown)) {
      return;
    }
    shown = content;
    holder.removeAll();
    if (content != null) {
      show(content, holder);
    }
  }
}
