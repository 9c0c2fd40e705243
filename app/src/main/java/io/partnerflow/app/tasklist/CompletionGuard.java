package io.partnerflow.app.tasklist;

import java.util.Optional;

/**
 * Who may complete a staff task: its assignee at the moment the engine completes it. The task list
 * checks the assignee before it calls the engine, but a claim, hand-back or reassignment can slip
 * in between. So the completion names the person in its {@code action} ({@code
 * complete:<username>}), and a {@code completing} task listener ({@link
 * io.partnerflow.app.tasklist.worker.CompletionGuardWorker}) compares it with the assignee while
 * the engine holds the task in COMPLETING, where no claim or assignment can change it.
 */
public final class CompletionGuard {

  /** Job type of the {@code completing} task listener on staff tasks in the BPMN models. */
  public static final String LISTENER_TYPE = "task-completion-guard";

  private static final String PREFIX = "complete:";

  private CompletionGuard() {}

  /** The completion's action for a task completed by {@code username}. */
  public static String actionOf(String username) {
    return PREFIX + username;
  }

  /** Why the completion must be refused, or empty when the assignee completes it. */
  public static Optional<String> denial(String action, String assignee) {
    if (assignee == null || assignee.isBlank()) {
      return Optional.of("The task is not assigned to anyone; claim it first");
    }
    if (action == null || !action.startsWith(PREFIX)) {
      return Optional.of("The completion does not say who completes the task");
    }
    String completer = action.substring(PREFIX.length());
    if (!completer.equals(assignee)) {
      return Optional.of("The task is assigned to someone else now");
    }
    return Optional.empty();
  }
}
