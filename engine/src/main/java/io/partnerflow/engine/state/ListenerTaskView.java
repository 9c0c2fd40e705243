package io.partnerflow.engine.state;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user task as a task listener's job shows it (the activated job's {@code userTask}): its
 * attributes with the transition's changes and corrections so far, and which of them changed.
 */
public record ListenerTaskView(
    long userTaskKey,
    String action,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    List<String> changedAttributes,
    OffsetDateTime dueDate,
    OffsetDateTime followUpDate,
    Long formKey,
    int priority) {}
