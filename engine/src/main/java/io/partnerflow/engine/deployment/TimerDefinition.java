package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * The timer of a timer event: a duration (ISO-8601, e.g. {@code PT15M}), a date (ISO-8601 date-time
 * with zone or offset) or a cycle (ISO-8601 repeating interval, e.g. {@code R3/PT1H}, see {@link
 * io.partnerflow.engine.expression.TimeCycle}; boundary and start events only), static or FEEL,
 * evaluated when the timer is scheduled.
 */
public record TimerDefinition(Type type, Expression expression) {

  public enum Type {
    DURATION,
    DATE,
    CYCLE
  }
}
