package io.partnerflow.app.form.ui;

import io.partnerflow.app.form.FeelExpressions;
import io.partnerflow.app.form.FormState;

/**
 * A component setting that is either a constant or a {@code =} FEEL expression over the form's
 * context (variables overlaid with entered values), as form-js allows for sources and content.
 */
final class DynamicSource {

  private static final FeelExpressions FEEL = new FeelExpressions();

  private DynamicSource() {}

  /** The setting's value for the state, or null when absent or when the expression fails. */
  static Object value(String setting, FormState state) {
    if (setting == null) {
      return null;
    }
    return FeelExpressions.isExpression(setting)
        ? FEEL.evaluate(setting, state.context())
        : setting;
  }

  static String text(String setting, FormState state) {
    Object value = value(setting, state);
    return value == null ? null : String.valueOf(value);
  }
}
