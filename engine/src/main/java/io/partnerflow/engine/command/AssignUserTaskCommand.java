package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/user-tasks/{key}/assignment: assigns an open task. A task assigned to someone else is
 * only reassigned when {@code allowOverride} is true (Camunda's default); otherwise 409.
 */
@Component
public class AssignUserTaskCommand {

  private final UserTaskCommands userTaskCommands;
  private final UserTaskRepository tasks;

  public AssignUserTaskCommand(UserTaskCommands userTaskCommands, UserTaskRepository tasks) {
    this.userTaskCommands = userTaskCommands;
    this.tasks = tasks;
  }

  @Transactional
  public void execute(long userTaskKey, String assignee, boolean allowOverride) {
    if (assignee == null || assignee.isBlank()) {
      throw EngineException.invalid("Expected an assignee, but none given");
    }
    UserTaskRecord task = userTaskCommands.lockOpen(userTaskKey, "assign").task();
    if (!allowOverride && task.assignee() != null && !task.assignee().equals(assignee)) {
      throw EngineException.invalidState(
          "Command 'ASSIGN' rejected with code 'INVALID_STATE': Expected to assign user task with"
              + " key '%d' to '%s', but it is already assigned to '%s' and allowOverride is"
                  .formatted(userTaskKey, assignee, task.assignee())
              + " false");
    }
    tasks.setAssignee(userTaskKey, assignee);
  }
}
