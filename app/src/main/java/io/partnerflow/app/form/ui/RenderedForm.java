package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import io.partnerflow.app.form.FieldError;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormEvaluator;
import io.partnerflow.app.form.FormSchema;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.FormValidationResult;
import io.partnerflow.app.form.FormValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camunda Form on screen. Add it to a view; call {@link #submit()} (or listen with {@link
 * #addSubmitListener}) to get the values once they pass the same {@link FormValidator} the server
 * uses. Every value change re-evaluates the FEEL conditions (hide, readonly, option expressions).
 */
public class RenderedForm extends Composite<VerticalLayout> {

  private static final Logger log = LoggerFactory.getLogger(RenderedForm.class);

  private final FormSchema schema;
  private final Map<String, Object> variables;
  private final FormEvaluator evaluator;
  private final FormValidator validator;
  private final Function<FieldError, String> errorText;
  private final List<FormElement> elements = new ArrayList<>();
  private final Map<String, FormElement> inputs = new LinkedHashMap<>();
  private final List<Consumer<Map<String, Object>>> submitListeners = new ArrayList<>();
  private boolean applying;

  RenderedForm(
      FormSchema schema,
      Map<String, Object> variables,
      FormEvaluator evaluator,
      FormValidator validator,
      Function<FieldError, String> errorText) {
    this.schema = schema;
    this.variables = variables == null ? Map.of() : new HashMap<>(variables);
    this.evaluator = evaluator;
    this.validator = validator;
    this.errorText = errorText;
  }

  /** Called once by the renderer: adds the top-level elements and wires the inputs. */
  void build(List<FormElement> topLevel) {
    VerticalLayout layout = getContent();
    layout.setPadding(false);
    layout.addClassName("camunda-form");
    topLevel.forEach(element -> layout.add(element.component()));
    topLevel.forEach(this::register);
    applying = true;
    try {
      inputs.values().forEach(element -> element.setValue(initialValue(element.definition())));
    } finally {
      applying = false;
    }
    refresh();
    inputs.values().forEach(element -> element.onChange(this::refresh));
  }

  /** The state for the initial values, before any component exists (locks, options). */
  static FormState initialState(
      FormSchema schema, Map<String, Object> variables, FormEvaluator evaluator) {
    Map<String, Object> values = new HashMap<>();
    for (FormComponent input : schema.inputs()) {
      values.put(input.key(), initialValue(input, variables));
    }
    return evaluator.evaluate(schema, variables, values);
  }

  public FormSchema schema() {
    return schema;
  }

  /**
   * Visible, editable fields only: numbers, booleans, lists and ISO date strings; null if empty.
   */
  public Map<String, Object> values() {
    return state().submittable();
  }

  /** Checks the values and shows each error on its field; valid values come with the result. */
  public FormValidationResult validate() {
    FormValidationResult result = validator.validate(schema, variables, values());
    showErrors(result.errors());
    return result;
  }

  /** Shows each error on its field, e.g. the ones the server found beyond the form's rules. */
  public void showErrors(List<FieldError> errors) {
    inputs.values().forEach(FormElement::clearError);
    for (FieldError error : errors) {
      FormElement element = inputs.get(error.key());
      if (element != null) {
        element.showError(errorText.apply(error));
      } else {
        log.warn("Form error for '{}' without a field: {}", error.key(), error.messageKey());
      }
    }
  }

  /** The values to complete the task with, or empty (errors shown) when they are not valid. */
  public Optional<Map<String, Object>> submit() {
    FormValidationResult result = validate();
    return result.isValid() ? Optional.of(result.values()) : Optional.empty();
  }

  /** Called with the valid values when a form-js submit button of this form is clicked. */
  public Registration addSubmitListener(Consumer<Map<String, Object>> listener) {
    submitListeners.add(listener);
    return () -> submitListeners.remove(listener);
  }

  /** Back to the values the form was opened with. */
  public void reset() {
    applying = true;
    try {
      inputs.values().forEach(element -> element.setValue(initialValue(element.definition())));
      inputs.values().forEach(FormElement::clearError);
    } finally {
      applying = false;
    }
    refresh();
  }

  /** The Vaadin field of an input, e.g. for tests or to focus it. */
  public Optional<Component> field(String key) {
    return Optional.ofNullable(inputs.get(key)).map(FormElement::component);
  }

  /** The rendered element of an input, for this package's tests. */
  Optional<FormElement> element(String key) {
    return Optional.ofNullable(inputs.get(key));
  }

  /** Sets an input's value as if the user had entered it (form terms: number, list, ISO text). */
  public void setValue(String key, Object value) {
    FormElement element = inputs.get(key);
    if (element == null) {
      throw new IllegalArgumentException("No input '" + key + "' in form " + schema.id());
    }
    element.setValue(value);
  }

  FormActions actions() {
    return new FormActions() {
      @Override
      public void submit() {
        RenderedForm.this
            .submit()
            .ifPresent(values -> submitListeners.forEach(l -> l.accept(values)));
      }

      @Override
      public void reset() {
        RenderedForm.this.reset();
      }
    };
  }

  private void register(FormElement element) {
    elements.add(element);
    if (element.hasValue() && element.definition().isInput()) {
      // the first field of a key wins, as in the validator
      inputs.putIfAbsent(element.definition().key(), element);
    }
    element.children().forEach(this::register);
  }

  private FormState state() {
    Map<String, Object> entered = new HashMap<>();
    inputs.forEach((key, element) -> entered.put(key, element.value()));
    return evaluator.evaluate(schema, variables, entered);
  }

  private void refresh() {
    if (applying) {
      return;
    }
    applying = true;
    try {
      FormState state = state();
      elements.forEach(element -> element.apply(state));
    } finally {
      applying = false;
    }
  }

  private Object initialValue(FormComponent input) {
    return initialValue(input, variables);
  }

  /** As in form-js: the variable when set, else the form's default value. */
  private static Object initialValue(FormComponent input, Map<String, Object> variables) {
    Object variable = variables == null ? null : variables.get(input.key());
    return variable != null ? variable : input.defaultValue();
  }
}
