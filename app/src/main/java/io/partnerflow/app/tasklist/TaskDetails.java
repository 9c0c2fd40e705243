package io.partnerflow.app.tasklist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task with what its view needs: the linked form (form-js JSON, or null) and the variables the
 * task can see.
 *
 * @param variables may hold null values: a variable set to null is ordinary in Camunda (e.g. an
 *     optional form field left empty), so the copy must not be {@code Map.copyOf}
 */
public record TaskDetails(
    TaskSummary task, String formId, String formSchema, Map<String, Object> variables) {

  public TaskDetails {
    variables =
        variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }
}
