package io.partnerflow.app.tasklist;

/**
 * What the task list asks for.
 *
 * @param processId BPMN process id, or null for all processes
 * @param minimumPriority lowest priority shown (0–100), or null for all
 */
public record TaskQuery(
    TaskScope scope,
    String processId,
    DueFilter due,
    Integer minimumPriority,
    TaskSort sort,
    boolean descending) {

  public TaskQuery {
    scope = scope == null ? TaskScope.MY_GROUPS : scope;
    due = due == null ? DueFilter.ANY : due;
    sort = sort == null ? TaskSort.DUE : sort;
    processId = processId == null || processId.isBlank() ? null : processId.trim();
  }

  /** The list as it opens: my groups' open tasks, the most urgent first. */
  public static TaskQuery defaults() {
    return new TaskQuery(TaskScope.MY_GROUPS, null, DueFilter.ANY, null, TaskSort.DUE, false);
  }
}
