package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.state.UserTaskRepository;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DELETE /v2/user-tasks/{key}/assignee: the open task has no assignee afterwards (after its
 * assigning listeners, as in Camunda 8.8).
 */
@Component
public class UnassignUserTaskCommand {

  private final UserTaskCommands userTaskCommands;
  private final UserTaskRepository tasks;
  private final UserTaskTransitions transitions;

  public UnassignUserTaskCommand(
      UserTaskCommands userTaskCommands,
      UserTaskRepository tasks,
      UserTaskTransitions transitions) {
    this.userTaskCommands = userTaskCommands;
    this.tasks = tasks;
    this.transitions = transitions;
  }

  /**
   * @return the task's element instance key when it waits for assigning listeners
   */
  @Transactional
  public OptionalLong execute(long userTaskKey) {
    UserTaskCommands.Locked locked = userTaskCommands.lockOpen(userTaskKey, "unassign");
    if (transitions.assign(locked.processInstance(), locked.task(), null, "unassign")) {
      return OptionalLong.of(locked.task().elementInstanceKey());
    }
    tasks.setAssignee(userTaskKey, null);
    return OptionalLong.empty();
  }
}
