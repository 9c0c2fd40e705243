package io.partnerflow.engine.command;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What PATCH /v2/user-tasks/{key} changes. A field that is {@code null} here was absent from the
 * request (or sent as JSON null) and stays as it is; a present field replaces the task's value, an
 * {@link Change#cleared() empty} one removes it (the client's {@code clearDueDate()} sends an empty
 * text, {@code clearCandidateGroups()} an empty list). Priority has no clear: a task always has
 * one.
 */
public record UserTaskUpdate(
    Change<OffsetDateTime> dueDate,
    Change<OffsetDateTime> followUpDate,
    Change<List<String>> candidateGroups,
    Change<List<String>> candidateUsers,
    Integer priority) {

  /** A new value for one attribute; {@code value} null means "remove it". */
  public record Change<T>(T value) {

    public static <T> Change<T> cleared() {
      return new Change<>(null);
    }
  }

  public boolean isEmpty() {
    return dueDate == null
        && followUpDate == null
        && candidateGroups == null
        && candidateUsers == null
        && priority == null;
  }
}
