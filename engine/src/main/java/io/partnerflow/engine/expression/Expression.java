package io.partnerflow.engine.expression;

/**
 * A value in a BPMN attribute: FEEL when it starts with {@code =} (Camunda 8 convention), a static
 * string otherwise.
 */
public record Expression(String source, boolean feel) {

  public static Expression of(String attribute) {
    if (attribute == null) {
      return null;
    }
    String trimmed = attribute.strip();
    return trimmed.startsWith("=")
        ? new Expression(trimmed.substring(1), true)
        : new Expression(attribute, false);
  }

  /** A FEEL expression even without the leading {@code =} (mapping sources, conditions). */
  public static Expression feel(String attribute) {
    String trimmed = attribute.strip();
    return new Expression(trimmed.startsWith("=") ? trimmed.substring(1) : trimmed, true);
  }

  @Override
  public String toString() {
    return feel ? "=" + source : source;
  }
}
