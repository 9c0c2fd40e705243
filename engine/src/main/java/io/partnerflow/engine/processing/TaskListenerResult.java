package io.partnerflow.engine.processing;

import java.util.Map;

/**
 * What a task listener's job completes with ({@code withResult(r -> r.forUserTask()...)}): a
 * denial, and corrections by attribute ({@code assignee, dueDate, followUpDate, candidateGroups,
 * candidateUsers, priority}); a correction present with null or an empty list clears the attribute,
 * an absent one keeps it.
 */
public record TaskListenerResult(
    boolean denied, String deniedReason, Map<String, Object> corrections) {}
