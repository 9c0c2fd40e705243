package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * The error of an error event. For an error end event the code to throw (static or FEEL, evaluated
 * when the event is reached); for a catch event (boundary, event sub-process start) the static code
 * it catches, null for a catch-all (no errorRef, or an error without errorCode).
 */
public record ErrorDefinition(Expression errorCode) {

  public boolean catchesAll() {
    return errorCode == null;
  }

  /** Whether this catch event catches an error with the given code. */
  public boolean catches(String code) {
    return errorCode == null || errorCode.source().equals(code);
  }
}
