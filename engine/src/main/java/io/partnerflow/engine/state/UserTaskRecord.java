package io.partnerflow.engine.state;

import java.time.OffsetDateTime;
import java.util.List;

/** One Camunda user task (zeebe:userTask), open (CREATED) or ended (COMPLETED, CANCELED). */
public record UserTaskRecord(
    long key,
    String state,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    String processName,
    String name,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    OffsetDateTime creationDate,
    OffsetDateTime completionDate,
    OffsetDateTime dueDate,
    OffsetDateTime followUpDate,
    int priority,
    Long formKey,
    String formId,
    Integer formVersion,
    String externalFormReference,
    String customHeadersJson,
    String tenantId) {

  public static final String CREATED = "CREATED";
  public static final String COMPLETED = "COMPLETED";
  public static final String CANCELED = "CANCELED";

  /**
   * States a task can be in (CREATING ... CANCELING while task listeners run, see
   * UserTaskTransitions); search filters outside this set match nothing.
   */
  public static final List<String> STATES =
      List.of(
          "CREATING",
          CREATED,
          "ASSIGNING",
          "UPDATING",
          "COMPLETING",
          COMPLETED,
          "CANCELING",
          CANCELED);

  public boolean isOpen() {
    return CREATED.equals(state);
  }
}
