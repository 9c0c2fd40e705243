package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import java.util.List;

/** One rendered form component: its Vaadin component and, for inputs, its value. */
public interface FormElement {

  FormComponent definition();

  Component component();

  /** Shows the element as the state says: visibility, and for inputs locking and options. */
  default void apply(FormState state) {
    component().setVisible(!state.isHidden(definition()));
  }

  /** Nested elements (groups); their values belong to the form like top-level ones. */
  default List<FormElement> children() {
    return List.of();
  }

  default boolean hasValue() {
    return false;
  }

  /** The value in form terms (numbers, booleans, lists, ISO strings), null when empty. */
  default Object value() {
    return null;
  }

  default void setValue(Object value) {}

  /** Calls the listener whenever the user changes the value (inputs only). */
  default void onChange(Runnable listener) {}

  default void showError(String message) {}

  default void clearError() {}
}
