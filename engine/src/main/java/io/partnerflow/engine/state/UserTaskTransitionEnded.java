package io.partnerflow.engine.state;

/**
 * A user task's transition ended after its task listeners (published in the transaction that ended
 * it): applied, or denied by a listener with its reason, or dropped because the task's element was
 * terminated meanwhile ({@code terminated}: an interrupting event, a modification, a cancellation).
 */
public record UserTaskTransitionEnded(
    long elementInstanceKey,
    long userTaskKey,
    String eventType,
    boolean denied,
    String deniedReason,
    boolean terminated) {

  public UserTaskTransitionEnded(
      long elementInstanceKey,
      long userTaskKey,
      String eventType,
      boolean denied,
      String deniedReason) {
    this(elementInstanceKey, userTaskKey, eventType, denied, deniedReason, false);
  }

  /** The transition was dropped: its element was terminated before the listeners finished. */
  public static UserTaskTransitionEnded terminated(
      long elementInstanceKey, long userTaskKey, String eventType) {
    return new UserTaskTransitionEnded(
        elementInstanceKey, userTaskKey, eventType, false, null, true);
  }
}
