package io.partnerflow.app.tasklist;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;

/**
 * Who may see and work a task: its assignee, a candidate user, or a member of a candidate group.
 * The groups are the user's task groups ({@code PartnerMembership.taskGroups}): a partner user
 * holds only their organisation's groups, staff never hold one of them.
 */
public final class TaskAccess {

  private TaskAccess() {}

  static boolean mayWork(String username, Set<String> groups, TaskSummary task) {
    return mayWork(
        username, groups, task.assignee(), task.candidateUsers(), task.candidateGroups());
  }

  /** The same rule for a task read elsewhere (e.g. a contract's signing step). */
  public static boolean mayWork(
      String username,
      Set<String> groups,
      String assignee,
      Collection<String> candidateUsers,
      Collection<String> candidateGroups) {
    return username.equals(assignee)
        || (candidateUsers != null && candidateUsers.contains(username))
        || (candidateGroups != null && !Collections.disjoint(groups, candidateGroups));
  }

  /** Claiming is for tasks nobody holds, or that the user holds already. */
  static boolean mayClaim(String username, Set<String> groups, TaskSummary task) {
    return mayWork(username, groups, task)
        && (task.assignee() == null || username.equals(task.assignee()));
  }
}
