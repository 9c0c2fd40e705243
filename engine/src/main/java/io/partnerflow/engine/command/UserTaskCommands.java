package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import io.partnerflow.engine.state.UserTaskRecord;
import io.partnerflow.engine.state.UserTaskRepository;
import org.springframework.stereotype.Component;

/**
 * Shared first step of the user task commands: lock the task's process instance (the engine's lock
 * order: instance, then task), then the task row, and read the task again under the lock, so that
 * two concurrent commands on one task see each other's outcome.
 */
@Component
class UserTaskCommands {

  /** A user task and its locked process instance. */
  record Locked(UserTaskRecord task, ProcessInstanceRecord processInstance) {}

  private final UserTaskRepository tasks;
  private final ProcessInstanceRepository processInstances;

  UserTaskCommands(UserTaskRepository tasks, ProcessInstanceRepository processInstances) {
    this.tasks = tasks;
    this.processInstances = processInstances;
  }

  /** Locks the task; 404 when unknown, 409 when it is no longer open. */
  Locked lockOpen(long userTaskKey, String action) {
    UserTaskRecord unlocked =
        tasks
            .find(userTaskKey)
            .orElseThrow(() -> EngineException.notFound("User task", userTaskKey));
    ProcessInstanceRecord instance =
        processInstances
            .lock(unlocked.processInstanceKey())
            .orElseThrow(() -> EngineException.notFound("User task", userTaskKey));
    tasks.lock(userTaskKey);
    UserTaskRecord task =
        tasks
            .find(userTaskKey)
            .orElseThrow(() -> EngineException.notFound("User task", userTaskKey));
    if (!task.isOpen()) {
      throw EngineException.invalidState(
          "Command '%s' rejected with code 'INVALID_STATE': Expected to %s user task with key"
                  .formatted(action.toUpperCase(java.util.Locale.ROOT), action)
              + " '%d', but it is in state '%s'".formatted(userTaskKey, task.state()));
    }
    return new Locked(task, instance);
  }

  /** A request's custom action, or Camunda's default for the command when it names none. */
  static String actionOr(String action, String defaultAction) {
    return action == null || action.isBlank() ? defaultAction : action;
  }
}
