package io.partnerflow.app.tasklist;

import io.partnerflow.app.security.UserAccount;
import java.util.Collections;

/**
 * Who may see and work a task: its assignee, a candidate user, or a member of a candidate group.
 */
final class TaskAccess {

  private TaskAccess() {}

  static boolean mayWork(UserAccount user, TaskSummary task) {
    return user.username().equals(task.assignee())
        || task.candidateUsers().contains(user.username())
        || !Collections.disjoint(user.groups(), task.candidateGroups());
  }

  /** Claiming is for tasks nobody holds, or that the user holds already. */
  static boolean mayClaim(UserAccount user, TaskSummary task) {
    return mayWork(user, task)
        && (task.assignee() == null || user.username().equals(task.assignee()));
  }
}
