package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.state.UserTaskRepository;
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

  @Transactional
  public void execute(long userTaskKey) {
    UserTaskCommands.Locked locked = userTaskCommands.lockOpen(userTaskKey, "unassign");
    if (!transitions.assign(locked.processInstance(), locked.task(), null, "unassign")) {
      tasks.setAssignee(userTaskKey, null);
    }
  }
}
