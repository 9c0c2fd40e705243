package io.partnerflow.app.form;

/**
 * A boolean property such as {@code readonly} that form-js allows either as a constant or as a
 * {@code =}-prefixed FEEL expression.
 */
public record Flag(boolean constant, String expression) {

  public static final Flag FALSE = new Flag(false, null);
  public static final Flag TRUE = new Flag(true, null);

  public boolean isExpression() {
    return expression != null;
  }
}
