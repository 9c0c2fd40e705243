package io.partnerflow.app.tasklist;

import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import java.util.Set;

/**
 * Who may hand tasks around (docs/task-assignment.md has the table). Team leads (group {@value
 * #TEAM_LEADS}) and administrators steer the work of the groups they belong to; everybody else
 * claims, hands back and delegates only their own. The target of an assignment must be able to work
 * the task themselves ({@link TaskAccess#mayWork}).
 */
public final class TaskRules {

  /** The group of the partner managers' team leads. */
  public static final String TEAM_LEADS = "partner-manager-leads";

  private TaskRules() {}

  static boolean steers(UserAccount user) {
    return user.roles().contains(Role.ADMIN) || user.groups().contains(TEAM_LEADS);
  }

  /**
   * Assigning to someone else, changing due date or priority: leads and admins, in their groups.
   */
  static boolean mayManage(UserAccount actor, Set<String> actorGroups, TaskSummary task) {
    return steers(actor) && TaskAccess.mayWork(actor.username(), actorGroups, task);
  }

  /** Handing a task back: its assignee, or a lead or admin of its group. */
  static boolean mayUnclaim(UserAccount actor, Set<String> actorGroups, TaskSummary task) {
    return task.assignee() != null
        && (actor.username().equals(task.assignee()) || mayManage(actor, actorGroups, task));
  }

  /** Delegating with a reason: only the one who holds the task. */
  static boolean mayDelegate(UserAccount actor, TaskSummary task) {
    return actor.username().equals(task.assignee());
  }

  /** Whether {@code target} could work the task: a candidate user or in a candidate group. */
  static boolean mayReceive(UserAccount target, Set<String> targetGroups, TaskSummary task) {
    return target.enabled()
        && !target.roles().contains(Role.PARTNER)
        && (task.candidateUsers().contains(target.username())
            || targetGroups.stream().anyMatch(task.candidateGroups()::contains));
  }
}
