package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.TaskListeners;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.UserTaskRecord;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The attribute changes of a user task transition ({@code assignee, candidateGroups,
 * candidateUsers, dueDate, followUpDate, priority}, dates as ISO 8601 text): checking a task
 * listener's result, applying changes to a task, telling which attributes they change.
 */
final class UserTaskChanges {

  private static final Set<String> DENIABLE =
      Set.of(TaskListeners.ASSIGNING, TaskListeners.UPDATING, TaskListeners.COMPLETING);

  private UserTaskChanges() {}

  /** Refuses a result Camunda refuses: a denial or corrections where the event allows none. */
  static void checkResult(JobRecord job, TaskListenerResult result) {
    if (result == null) {
      return;
    }
    String eventType = job.listenerEventType();
    if (result.denied() && !DENIABLE.contains(eventType)) {
      throw EngineException.invalid(
          ("Expected to complete task listener job with key '%d' with a denial, but a '%s'"
                  + " transition cannot be denied (only assigning, updating and completing)")
              .formatted(job.key(), eventType.toLowerCase(java.util.Locale.ROOT)));
    }
    Map<String, Object> corrections = result.corrections();
    if (corrections.isEmpty()) {
      return;
    }
    if (TaskListeners.CANCELING.equals(eventType)) {
      throw EngineException.invalid(
          "Expected to complete task listener job with key '%d' with corrections, but a canceling"
                  .formatted(job.key())
              + " transition cannot be corrected");
    }
    if (corrections.get("priority") instanceof Integer priority
        && (priority < 0 || priority > 100)) {
      throw EngineException.invalid(
          "Expected the corrected priority to be between 0 and 100, but was " + priority);
    }
    date((String) corrections.get("dueDate"), "dueDate");
    date((String) corrections.get("followUpDate"), "followUpDate");
  }

  /** The attributes whose value the changes alter (corrected back: not changed any more). */
  static List<String> changedAttributes(
      UserTaskRecord task, UserTaskRecord changed, Collection<String> attributes) {
    List<String> result = new ArrayList<>();
    for (String attribute : attributes) {
      if (!Objects.equals(attribute(changed, attribute), attribute(task, attribute))) {
        result.add(attribute);
      }
    }
    return result;
  }

  /** The task with a transition's changes on top. */
  @SuppressWarnings("unchecked")
  static UserTaskRecord apply(UserTaskRecord t, Map<String, Object> changes) {
    return new UserTaskRecord(
        t.key(),
        t.state(),
        t.elementId(),
        t.elementInstanceKey(),
        t.processInstanceKey(),
        t.processDefinitionKey(),
        t.bpmnProcessId(),
        t.processDefinitionVersion(),
        t.processName(),
        t.name(),
        changes.containsKey("assignee") ? (String) changes.get("assignee") : t.assignee(),
        changes.containsKey("candidateGroups")
            ? (List<String>) changes.get("candidateGroups")
            : t.candidateGroups(),
        changes.containsKey("candidateUsers")
            ? (List<String>) changes.get("candidateUsers")
            : t.candidateUsers(),
        t.creationDate(),
        t.completionDate(),
        changes.containsKey("dueDate")
            ? date((String) changes.get("dueDate"), "dueDate")
            : t.dueDate(),
        changes.containsKey("followUpDate")
            ? date((String) changes.get("followUpDate"), "followUpDate")
            : t.followUpDate(),
        changes.containsKey("priority")
            ? ((Number) changes.get("priority")).intValue()
            : t.priority(),
        t.formKey(),
        t.formId(),
        t.formVersion(),
        t.externalFormReference(),
        t.customHeadersJson(),
        t.tenantId());
  }

  private static Object attribute(UserTaskRecord t, String name) {
    return switch (name) {
      case "assignee" -> t.assignee();
      case "candidateGroups" -> t.candidateGroups();
      case "candidateUsers" -> t.candidateUsers();
      case "dueDate" -> t.dueDate() == null ? null : t.dueDate().toInstant();
      case "followUpDate" -> t.followUpDate() == null ? null : t.followUpDate().toInstant();
      case "priority" -> t.priority();
      default -> null;
    };
  }

  private static OffsetDateTime date(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw EngineException.invalid(
          "Expected the corrected %s to be an ISO 8601 date-time with offset, but was '%s'"
              .formatted(what, value));
    }
  }
}
