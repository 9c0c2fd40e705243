package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * The escalation of an escalation event. For a throw event (intermediate, end) the code to throw,
 * static or FEEL, evaluated when the event is reached; for a catch event (boundary, event
 * sub-process start) the static code it catches, null for a catch-all (no escalationRef, or an
 * escalation without escalationCode).
 */
public record EscalationDefinition(Expression escalationCode) {

  public boolean catchesAll() {
    return escalationCode == null;
  }

  /** Whether this catch event catches exactly this code (a catch-all does not: see catchesAll). */
  public boolean matches(String code) {
    return escalationCode != null && escalationCode.source().equals(code);
  }
}
