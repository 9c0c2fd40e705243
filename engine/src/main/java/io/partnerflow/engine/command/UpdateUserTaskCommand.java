package io.partnerflow.engine.command;

import io.partnerflow.engine.command.UserTaskChanges.Change;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * PATCH /v2/user-tasks/{key}: changes the schedule, the candidates and the priority of an open task
 * (the task list's bulk change of due date and priority). Fields not in the change set keep their
 * values; the new values are what searches see from the commit on.
 */
@Component
public class UpdateUserTaskCommand {

  private final UserTaskCommands userTaskCommands;
  private final UserTaskRepository tasks;

  public UpdateUserTaskCommand(UserTaskCommands userTaskCommands, UserTaskRepository tasks) {
    this.userTaskCommands = userTaskCommands;
    this.tasks = tasks;
  }

  @Transactional
  public void execute(long userTaskKey, UserTaskChanges changes) {
    if (changes.priority() != null && (changes.priority() < 0 || changes.priority() > 100)) {
      throw EngineException.invalid(
          "The value for priority is '%d' but must be within the [0,100] range."
              .formatted(changes.priority()));
    }
    UserTaskRecord task = userTaskCommands.lockOpen(userTaskKey, "update").task();
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
  }

  private static <T> T apply(Change<T> change, T current, T cleared) {
    if (change == null) {
      return current;
    }
    return change.value() == null ? cleared : change.value();
  }
}
