package io.partnerflow.app.tasklist;

import java.time.LocalDate;

/**
 * What the task list asks for. Everything is by what people read, except the ids the list picks
 * from a list of names (process, step, group).
 *
 * @param processId BPMN process id, or null for all processes
 * @param minimumPriority lowest priority shown (0–100), or null for all
 * @param elementId the step (user task element id), or null for every step
 * @param company part of the partner's or applicant company's name, case-insensitive, or null
 * @param assignee the assignee's username, or null for anyone
 * @param candidateGroup one of the user's groups, or null for all of them
 * @param dueFrom first due day (inclusive, server time zone), or null
 * @param dueTo last due day (inclusive), or null
 */
public record TaskQuery(
    TaskScope scope,
    String processId,
    DueFilter due,
    Integer minimumPriority,
    TaskSort sort,
    boolean descending,
    String elementId,
    String company,
    String assignee,
    String candidateGroup,
    LocalDate dueFrom,
    LocalDate dueTo) {

  public TaskQuery {
    scope = scope == null ? TaskScope.MY_GROUPS : scope;
    due = due == null ? DueFilter.ANY : due;
    sort = sort == null ? TaskSort.DUE : sort;
    processId = blankToNull(processId);
    elementId = blankToNull(elementId);
    company = blankToNull(company);
    assignee = blankToNull(assignee);
    candidateGroup = blankToNull(candidateGroup);
  }

  /** The list's first filters: scope, process, due, priority and order. */
  public TaskQuery(
      TaskScope scope,
      String processId,
      DueFilter due,
      Integer minimumPriority,
      TaskSort sort,
      boolean descending) {
    this(
        scope,
        processId,
        due,
        minimumPriority,
        sort,
        descending,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The list as it opens: my groups' open tasks, the most urgent first. */
  public static TaskQuery defaults() {
    return new TaskQuery(TaskScope.MY_GROUPS, null, DueFilter.ANY, null, TaskSort.DUE, false);
  }

  /** Whether anything narrows the scope's tasks (the order does not). */
  public boolean narrowed() {
    return processId != null
        || elementId != null
        || company != null
        || assignee != null
        || candidateGroup != null
        || due != DueFilter.ANY
        || dueFrom != null
        || dueTo != null
        || minimumPriority != null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
