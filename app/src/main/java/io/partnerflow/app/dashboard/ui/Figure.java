package io.partnerflow.app.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One headline figure: a big number over its label. */
class Figure extends Div {

  Figure(String id, String value, String label, boolean alert) {
    setId(id);
    addClassName("pf-figure");
    if (alert) {
      addClassName("pf-alert");
    }
    Span number = new Span(value);
    number.addClassName("pf-figure-value");
    Div caption = new Div(label);
    caption.addClassName("pf-figure-label");
    add(number, caption);
  }
}
