package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/user-tasks/{key}/assignment: assigns an open task. A task assigned to someone else is
 * only reassigned when {@code allowOverride} is true (Camunda's default); otherwise 409. With
 * assigning listeners the task is ASSIGNING until they have run (see UserTaskTransitions).
 */
@Component
public class AssignUserTaskCommand {

  private final UserTaskCommands userTaskCommands;
  private final UserTaskRepository tasks;
  private final UserTaskTransitions transitions;

  public AssignUserTaskCommand(
      UserTaskCommands userTaskCommands,
      UserTaskRepository tasks,
      UserTaskTransitions transitions) {
    this.userTaskCommands = userTaskCommands;
    this.tasks = tasks;
    this.transitions = transitions;
  }

  /**
   * @param action the request's custom action ({@code assign} when absent), seen by the listeners
   * @return the task's element instance key when the assignment waits for assigning listeners
   */
  @Transactional
  public OptionalLong execute(
      long userTaskKey, String assignee, boolean allowOverride, String action) {
    if (assignee == null || assignee.isBlank()) {
      throw EngineException.invalid("Expected an assignee, but none given");
    }
    UserTaskCommands.Locked locked = userTaskCommands.lockOpen(userTaskKey, "assign");
    UserTaskRecord task = locked.task();
    if (!allowOverride && task.assignee() != null && !task.assignee().equals(assignee)) {
      throw EngineException.invalidState(
          "Command 'ASSIGN' rejected with code 'INVALID_STATE': Expected to assign user task with"
              + " key '%d' to '%s', but it is already assigned to '%s' and allowOverride is"
                  .formatted(userTaskKey, assignee, task.assignee())
              + " false");
    }
    if (transitions.assign(
        locked.processInstance(), task, assignee, UserTaskCommands.actionOr(action, "assign"))) {
      return OptionalLong.of(task.elementInstanceKey());
    }
    tasks.setAssignee(userTaskKey, assignee);
    return OptionalLong.empty();
  }
}
