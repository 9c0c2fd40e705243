package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * The timer of an intermediate timer catch event: a duration (ISO-8601, e.g. {@code PT15M}) or a
 * date (ISO-8601 date-time with zone or offset), static or FEEL, evaluated when the element is
 * entered.
 */
public record TimerDefinition(Type type, Expression expression) {

  public enum Type {
    DURATION,
    DATE
  }
}
