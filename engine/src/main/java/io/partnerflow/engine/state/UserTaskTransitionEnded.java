package io.partnerflow.engine.state;

/**
 * A user task's transition that waited for task listeners ended (published in the transaction that
 * ended it): APPLIED after the last listener, DENIED by a listener (with its reason), or CANCELED
 * with its task (the element was terminated meanwhile).
 */
public record UserTaskTransitionEnded(
    long elementInstanceKey, long userTaskKey, String eventType, String outcome, String reason) {

  public static final String APPLIED = "APPLIED";
  public static final String DENIED = "DENIED";
  public static final String CANCELED = "CANCELED";
}
