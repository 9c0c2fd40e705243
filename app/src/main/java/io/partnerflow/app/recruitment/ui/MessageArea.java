package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/** A message above a form that stays until the next attempt (unlike a toast). */
class MessageArea extends Div {

  MessageArea(String id) {
    setId(id);
    setVisible(false);
    getElement().setAttribute("role", "alert");
  }

  void error(String text) {
    show(text, LumoUtility.TextColor.ERROR);
  }

  void success(String text) {
    show(text, LumoUtility.TextColor.SUCCESS);
  }

  /** Lines below the message, e.g. errors the fields cannot show. */
  void details(List<String> lines) {
    if (!lines.isEmpty()) {
      UnorderedList list = new UnorderedList();
      lines.forEach(line -> list.add(new ListItem(line)));
      add(list);
    }
  }

  private void show(String text, String colour) {
    removeAll();
    removeClassNames(LumoUtility.TextColor.ERROR, LumoUtility.TextColor.SUCCESS);
    addClassName(colour);
    add(new Paragraph(text));
    setVisible(true);
  }
}
