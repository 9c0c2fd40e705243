package io.partnerflow.app.tasklist;

import java.util.Map;

/**
 * A task with what its view needs: the linked form (form-js JSON, or null) and the variables the
 * task can see.
 */
public record TaskDetails(
    TaskSummary task, String formId, String formSchema, Map<String, Object> variables) {

  public TaskDetails {
    variables = Map.copyOf(variables);
  }
}
