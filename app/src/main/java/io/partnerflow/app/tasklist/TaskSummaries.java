package io.partnerflow.app.tasklist;

import io.camunda.client.api.search.response.UserTask;

/** The task list's summary of an engine task, for the task list's sub-packages. */
public final class TaskSummaries {

  private TaskSummaries() {}

  public static TaskSummary of(UserTask task) {
    return TaskListService.summary(task);
  }
}
