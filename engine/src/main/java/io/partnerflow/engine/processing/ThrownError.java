package io.partnerflow.engine.processing;

import java.util.Map;

/**
 * A BPMN error on its way to a catch event: its code, its message (a job's throwError; null for an
 * error end event) and its variables (a job's throwError variables; none for an error end event).
 */
public record ThrownError(String code, String message, Map<String, Object> variables) {

  public ThrownError {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  /**
   * The incident message when nothing catches the error (Camunda's wording), naming the error catch
   * events that exist in the scopes the search went through.
   */
  public String unhandledMessage(java.util.List<String> availableCatchEventIds) {
    String thrown =
        message == null
            ? "Expected to throw an error event with the code '%s'".formatted(code)
            : "Expected to throw an error event with the code '%s' with message '%s'"
                .formatted(code, message);
    return thrown
        + ", but it was not caught."
        + (availableCatchEventIds.isEmpty()
            ? " No error events are available in the scope."
            : " Available error events are [%s]"
                .formatted(String.join(", ", availableCatchEventIds)));
  }
}
