package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;
import java.util.Map;

/**
 * The settings of a Camunda user task (zeebe:userTask), read at deployment. Every expression is
 * static text or FEEL ({@code =...}) and null when the model does not set it.
 *
 * @param candidateGroups static comma-separated list, or FEEL returning a list or a string
 * @param priority static 0..100 or FEEL; null means the default
 * @param formId zeebe:formDefinition formId: the latest deployed form with this id is linked when
 *     the task is created
 * @param externalFormReference zeebe:formDefinition externalReference (a custom form's address)
 */
public record UserTaskDefinition(
    Expression assignee,
    Expression candidateGroups,
    Expression candidateUsers,
    Expression dueDate,
    Expression followUpDate,
    Expression priority,
    String formId,
    Expression externalFormReference,
    Map<String, String> headers) {

  /** Camunda's default priority of a user task. */
  public static final int DEFAULT_PRIORITY = 50;

  /** Why a user task without zeebe:userTask is rejected at deployment. */
  static final String JOB_BASED_REJECTION =
      "is a job-based user task (no zeebe:userTask extension element), which the embedded engine"
          + " does not support: mark it as a Camunda user task (zeebe:userTask)";
}
