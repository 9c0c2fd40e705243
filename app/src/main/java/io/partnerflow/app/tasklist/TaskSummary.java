package io.partnerflow.app.tasklist;

import java.time.Instant;
import java.util.List;

/** One row of the task list. */
public record TaskSummary(
    long key,
    String name,
    String processId,
    long processInstanceKey,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    Instant created,
    Instant due,
    Integer priority) {

  public TaskSummary {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
  }

  public boolean overdueAt(Instant now) {
    return due != null && due.isBefore(now);
  }
}
