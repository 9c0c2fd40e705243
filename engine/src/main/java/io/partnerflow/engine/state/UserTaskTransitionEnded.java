package io.partnerflow.engine.state;

/**
 * A user task's transition ended after its task listeners (published in the transaction that ended
 * it): applied, or denied by a listener with its reason.
 */
public record UserTaskTransitionEnded(
    long elementInstanceKey,
    long userTaskKey,
    String eventType,
    boolean denied,
    String deniedReason) {}
