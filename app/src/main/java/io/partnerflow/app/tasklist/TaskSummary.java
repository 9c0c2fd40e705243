package io.partnerflow.app.tasklist;

import java.time.Instant;
import java.util.List;

/**
 * One row of the task list.
 *
 * @param elementId the user task's id in the model (e.g. {@code sign-contract}), which chooses a
 *     dedicated panel instead of the generic form ({@code tasklist.ui.TaskPanels})
 */
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
    Integer priority,
    String elementId) {

  public TaskSummary {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
  }

  /** A task whose model element is not known (tests, summaries built by hand). */
  public TaskSummary(
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
    this(
        key,
        name,
        processId,
        processInstanceKey,
        assignee,
        candidateGroups,
        candidateUsers,
        created,
        due,
        priority,
        null);
  }

  public boolean overdueAt(Instant now) {
    return due != null && due.isBefore(now);
  }
}
