package io.partnerflow.app.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a submission on the server against the form and the variables it was shown with. Pure
 * Java: the REST-facing code and the Vaadin renderer call the same rules, so the browser can never
 * submit what the server would refuse.
 *
 * <p>Keys that are not inputs of the form, and keys of readonly, disabled or hidden fields, are
 * rejected (not silently dropped): a well-behaved client never sends them.
 */
public final class FormValidator {

  private final FormEvaluator evaluator;

  public FormValidator() {
    this(new FormEvaluator(new FeelExpressions()));
  }

  public FormValidator(FormEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  public FormValidationResult validate(
      FormSchema schema, Map<String, Object> variables, Map<String, Object> submitted) {
    Map<String, Object> values = submitted == null ? Map.of() : submitted;
    FormState state = evaluator.evaluate(schema, variables, values);
    List<FieldError> errors = new ArrayList<>();
    for (String key : values.keySet()) {
      rejected(schema, state, key).ifPresent(errors::add);
    }
    for (FormComponent input : schema.inputs()) {
      if (!state.isHidden(input) && !state.isLocked(input)) {
        FieldRules.check(input, values.get(input.key()), state.options(input))
            .ifPresent(errors::add);
      }
    }
    return new FormValidationResult(errors, errors.isEmpty() ? state.submittable() : Map.of());
  }

  private static Optional<FieldError> rejected(FormSchema schema, FormState state, String key) {
    Optional<FormComponent> input = key == null ? Optional.empty() : schema.input(key);
    if (input.isEmpty()) {
      String name = String.valueOf(key);
      return Optional.of(FieldError.of(name, ValidationMessages.UNKNOWN_FIELD, name));
    }
    if (state.isLocked(input.get())) {
      return Optional.of(FieldError.of(key, ValidationMessages.NOT_EDITABLE));
    }
    if (state.isHidden(input.get())) {
      return Optional.of(FieldError.of(key, ValidationMessages.HIDDEN));
    }
    return Optional.empty();
  }
}
