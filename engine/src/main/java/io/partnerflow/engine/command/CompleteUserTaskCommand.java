package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/user-tasks/{key}/completion: completes an open task; its variables merge into the task's
 * scope, the output mappings apply and the token moves on. Of two concurrent completions, the
 * second waits for the instance lock, then finds the task COMPLETED: 409.
 */
@Component
public class CompleteUserTaskCommand {

  private final UserTaskCommands userTaskCommands;
  private final UserTaskRepository tasks;
  private final TokenMachine machine;
  private final EngineClock clock;
  private final UserTaskTransitions transitions;

  public CompleteUserTaskCommand(
      UserTaskCommands userTaskCommands,
      UserTaskRepository tasks,
      TokenMachine machine,
      EngineClock clock,
      UserTaskTransitions transitions) {
    this.transitions = transitions;
    this.userTaskCommands = userTaskCommands;
    this.tasks = tasks;
    this.machine = machine;
    this.clock = clock;
  }

  /**
   * @param action the request's custom action (Camunda's default {@code complete} when absent): the
   *     completing listeners see it as the task's {@code action}
   * @return the task's element instance key when it waits for completing listeners
   */
  @Transactional
  public OptionalLong execute(long userTaskKey, Map<String, Object> variables, String action) {
    UserTaskCommands.Locked locked = userTaskCommands.lockOpen(userTaskKey, "complete");
    UserTaskRecord task = locked.task();
    if (transitions.complete(
        locked.processInstance(), task, variables, UserTaskCommands.actionOr(action, "complete"))) {
      return OptionalLong.of(task.elementInstanceKey()); // COMPLETING until they have run
    }
    tasks.end(userTaskKey, UserTaskRecord.COMPLETED, clock.nowAtUtc());
    machine.completeElement(locked.processInstance(), task.elementInstanceKey(), variables);
    return OptionalLong.empty();
  }
}
