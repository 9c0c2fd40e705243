package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.textfield.TextField;

/**
 * A text field people never see or reach (off-screen, out of the tab order, hidden from screen
 * readers) that form-filling bots fill in. The service drops such submissions silently.
 */
final class Honeypot {

  private Honeypot() {}

  static TextField field() {
    TextField field = new TextField("Homepage");
    field.setId("apply-homepage");
    field.getElement().setAttribute("aria-hidden", "true");
    field.getElement().setAttribute("tabindex", "-1");
    field.getElement().setAttribute("autocomplete", "off");
    field
        .getStyle()
        .set("position", "absolute")
        .set("left", "-10000px")
        .set("width", "1px")
        .set("height", "1px")
        .set("overflow", "hidden");
    return field;
  }
}
