package io.partnerflow.app.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Locale;

/**
 * A search field narrowing a list of processes or models by technical id or name, case-insensitive:
 * an engine holds many more of them than a screen shows at once.
 */
public class IdOrNameFilter extends TextField {

  public IdOrNameFilter(String id, String description) {
    setId(id);
    setAriaLabel(description);
    setClearButtonVisible(true);
    setPrefixComponent(VaadinIcon.SEARCH.create());
    setValueChangeMode(ValueChangeMode.LAZY);
  }

  /** Whether an item with this id and name (which may be missing) matches the text typed. */
  public boolean matches(String itemId, String name) {
    String text = getValue().strip().toLowerCase(Locale.ROOT);
    return text.isEmpty() || contains(itemId, text) || contains(name, text);
  }

  private static boolean contains(String value, String text) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(text);
  }
}
