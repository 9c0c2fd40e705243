package io.partnerflow.app.tasklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.form.upload.FormFileAccess;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.UserAccount;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The task list's answer to who may attach and read form files: the same {@link TaskAccess} rules
 * as for opening a task, so a file is seen exactly by who may work an open task of its process
 * instance (for a partner user: only their organisation's tasks).
 */
@Component
class TaskFileAccess implements FormFileAccess {

  /** Open tasks of one instance looked at, at most: processes here keep a handful open. */
  private static final int TASKS_PER_INSTANCE = 100;

  private final CamundaClient client;
  private final CurrentUser currentUser;
  private final PartnerMembership membership;

  TaskFileAccess(CamundaClient client, CurrentUser currentUser, PartnerMembership membership) {
    this.client = client;
    this.currentUser = currentUser;
    this.membership = membership;
  }

  @Override
  public Optional<Long> instanceOfWorkableTask(long taskKey) {
    Optional<UserAccount> user = currentUser.get();
    if (user.isEmpty()) {
      return Optional.empty();
    }
    UserTask task;
    try {
      task = client.newUserTaskGetRequest(taskKey).send().join();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    TaskSummary summary = TaskListService.summary(task);
    return task.getState() == UserTaskState.CREATED && mayWork(user.get(), summary)
        ? Optional.of(summary.processInstanceKey())
        : Optional.empty();
  }

  @Override
  public boolean maySeeInstance(long processInstanceKey) {
    Optional<UserAccount> user = currentUser.get();
    if (user.isEmpty()) {
      return false;
    }
    return client
        .newUserTaskSearchRequest()
        .filter(
            filter -> filter.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .page(page -> page.limit(TASKS_PER_INSTANCE))
        .send()
        .join()
        .items()
        .stream()
        .map(TaskListService::summary)
        .anyMatch(task -> mayWork(user.get(), task));
  }

  private boolean mayWork(UserAccount user, TaskSummary task) {
    Set<String> groups = membership.taskGroups(user);
    return TaskAccess.mayWork(user.username(), groups, task);
  }
}
