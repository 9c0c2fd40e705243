package io.partnerflow.engine.command;

import io.partnerflow.engine.command.UserTaskUpdate.Change;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * PATCH /v2/user-tasks/{key}: changes the schedule, the candidates and the priority of an open task
 * (the task list's bulk change of due date and priority). Fields not in the change set keep their
 * values; the new values are what searches see from the commit on. With updating task listeners the
 * task is UPDATING until they have run, and the change applies after the last one, with their
 * corrections (see UserTaskTransitions), as in Camunda 8.8.
 */
@Component
public class UpdateUserTaskCommand {

  /** Camunda's action of an update that names none. */
  private static final String DEFAULT_ACTION = "update";

  private final UserTaskCommands userTaskCommands;
  private final UserTaskRepository tasks;
  private final UserTaskTransitions transitions;

  public UpdateUserTaskCommand(
      UserTaskCommands userTaskCommands,
      UserTaskRepository tasks,
      UserTaskTransitions transitions) {
    this.userTaskCommands = userTaskCommands;
    this.tasks = tasks;
    this.transitions = transitions;
  }

  /**
   * @param action the request's action (null: {@code update}); listeners see it
   * @return the task's element instance key when the update waits for updating listeners
   */
  @Transactional
  public OptionalLong execute(long userTaskKey, UserTaskUpdate changes, String action) {
    if (changes.priority() != null && (changes.priority() < 0 || changes.priority() > 100)) {
      throw EngineException.invalid(
          "The value for priority is '%d' but must be within the [0,100] range."
              .formatted(changes.priority()));
    }
    UserTaskCommands.Locked locked = userTaskCommands.lockOpen(userTaskKey, "update");
    UserTaskRecord task = locked.task();
    if (transitions.update(
        locked.processInstance(),
        task,
        asTransitionChanges(changes),
        action == null ? DEFAULT_ACTION : action)) {
      return OptionalLong.of(task.elementInstanceKey());
    }
    List<String> groups = apply(changes.candidateGroups(), task.candidateGroups(), List.of());
    tasks.updateAttributes(
        userTaskKey,
        apply(changes.dueDate(), task.dueDate(), null),
        apply(changes.followUpDate(), task.followUpDate(), null),
        groups,
        apply(changes.candidateUsers(), task.candidateUsers(), List.of()),
        changes.priority() == null ? task.priority() : changes.priority());
    if (!groups.equals(task.candidateGroups())) {
      tasks.replaceOpenGroups(userTaskKey, task.candidateGroups(), groups);
    }
    return OptionalLong.empty();
  }

  /**
   * The change set by attribute name, in the form task listener corrections take (dates as ISO
   * texts, an empty text or list clears), so that corrections simply overwrite it.
   */
  private static Map<String, Object> asTransitionChanges(UserTaskUpdate changes) {
    Map<String, Object> result = new LinkedHashMap<>();
    putDate(result, "dueDate", changes.dueDate());
    putDate(result, "followUpDate", changes.followUpDate());
    if (changes.candidateGroups() != null) {
      result.put("candidateGroups", apply(changes.candidateGroups(), null, List.of()));
    }
    if (changes.candidateUsers() != null) {
      result.put("candidateUsers", apply(changes.candidateUsers(), null, List.of()));
    }
    if (changes.priority() != null) {
      result.put("priority", changes.priority());
    }
    return result;
  }

  private static void putDate(
      Map<String, Object> result, String name, Change<OffsetDateTime> change) {
    if (change != null) {
      result.put(name, change.value() == null ? "" : change.value().toString());
    }
  }

  private static <T> T apply(Change<T> change, T current, T cleared) {
    if (change == null) {
      return current;
    }
    return change.value() == null ? cleared : change.value();
  }
}
