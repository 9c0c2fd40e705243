package io.partnerflow.engine.state;

/**
 * A user task's lifecycle transition waiting for its task listeners. {@code changesJson}: the
 * attributes the transition sets (the new assignee, then the listeners' corrections), a JSON object
 * whose keys are the changed attributes; {@code payloadJson}: the completion's variables
 * (COMPLETING) or the assignment that follows the creation (CREATING), null otherwise.
 */
public record UserTaskTransitionRecord(
    long userTaskKey,
    String eventType,
    String previousState,
    String action,
    String changesJson,
    String payloadJson,
    int nextListener) {}
