package io.partnerflow.app.plan;

import java.util.Map;

/** Input the plan cannot take; keyed by field path (e.g. {@code targets[2].currency}). */
public class PlanValidationException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  PlanValidationException(Map<String, String> fieldErrors) {
    super("Invalid plan: " + fieldErrors);
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  /** Message keys by field path. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
