package io.partnerflow.engine.command;

import io.partnerflow.engine.state.UserTaskRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** DELETE /v2/user-tasks/{key}/assignee: the open task has no assignee afterwards. */
@Component
public class UnassignUserTaskCommand {

  private final UserTaskCommands userTaskCommands;
  private final UserTaskRepository tasks;

  public UnassignUserTaskCommand(UserTaskCommands userTaskCommands, UserTaskRepository tasks) {
    this.userTaskCommands = userTaskCommands;
    this.tasks = tasks;
  }

  @Transactional
  public void execute(long userTaskKey) {
    userTaskCommands.lockOpen(userTaskKey, "unassign");
    tasks.setAssignee(userTaskKey, null);
  }
}
