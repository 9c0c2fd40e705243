package io.partnerflow.app.tasklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditEntry;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Handing tasks around, one task at a time: assigning to a colleague, delegating with a reason,
 * handing back, changing due date and priority. Each call is checked here against {@link TaskRules}
 * for the logged-in user and the task as the engine has it now, then recorded in the audit log;
 * {@link BulkTaskOperations} runs them for many tasks.
 */
@Service
@StaffTasks
public class TaskAssignments {

  /** The longest delegation reason kept. */
  public static final int MAX_REASON = 500;

  private final CamundaClient client;
  private final CurrentUser currentUser;
  private final PartnerMembership membership;
  private final UserAccountService users;
  private final AuditLog auditLog;
  private final TaskSubjects subjects;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TaskAssignments(
      CamundaClient client,
      CurrentUser currentUser,
      PartnerMembership membership,
      UserAccountService users,
      AuditLog auditLog,
      TaskSubjects subjects,
      ApplicationEventPublisher events,
      Clock clock) {
    this.client = client;
    this.currentUser = currentUser;
    this.membership = membership;
    this.users = users;
    this.auditLog = auditLog;
    this.subjects = subjects;
    this.events = events;
    this.clock = clock;
  }

  /** Whether the logged-in user may assign others, reschedule and hand back others' tasks. */
  public boolean steers() {
    return TaskRules.steers(user());
  }

  /**
   * Colleagues who could work at least one of the tasks (members of their candidate groups, or
   * named candidates), by display name; the server checks each task again on assignment.
   */
  public List<UserAccount> colleaguesFor(Collection<TaskSummary> tasks) {
    Map<String, UserAccount> found = new TreeMap<>();
    for (TaskSummary task : tasks) {
      for (String group : task.candidateGroups()) {
        SystemIdentity.call(() -> users.membersOf(group))
            .forEach(member -> found.put(member.username(), member));
      }
      for (String candidate : task.candidateUsers()) {
        users.findByUsername(candidate).ifPresent(member -> found.put(member.username(), member));
      }
    }
    return found.values().stream()
        .filter(member -> tasks.stream().anyMatch(task -> receives(member, task)))
        .sorted(Comparator.comparing(UserAccount::displayName, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /**
   * The task's history (claims, hand-backs, assignments, delegations with their reasons, changes),
   * newest first, for those who may work it.
   */
  public List<AuditEntry> history(long key) {
    UserAccount actor = user();
    TaskSummary task;
    try {
      task = openTask(key, actor);
    } catch (TaskActionRefusedException closed) {
      return List.of();
    }
    return auditLog.ofTask(task.key());
  }

  /** A lead or administrator gives the task to {@code assignee}, whoever holds it now. */
  public void assign(long key, String assignee) {
    UserAccount actor = user();
    TaskSummary task = openTask(key, actor);
    if (!TaskRules.mayManage(actor, groups(actor), task)) {
      throw new TaskActionRefusedException("tasklist.refused.notLead");
    }
    UserAccount target = receiver(assignee, task);
    if (target.username().equals(task.assignee())) {
      return; // nothing to change: no audit entry, no notice
    }
    assignInEngine(key, target.username());
    auditLog.record(AuditAction.TASK_ASSIGNED, subject(task), task.assignee(), target.username());
    announce(task, target, actor);
  }

  /** The assignee hands the task to a colleague who may work it, saying why. */
  public void delegate(long key, String assignee, String reason) {
    UserAccount actor = user();
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new TaskActionRefusedException("tasklist.refused.reasonRequired");
    }
    if (why.length() > MAX_REASON) {
      throw new TaskActionRefusedException("tasklist.refused.reasonTooLong");
    }
    TaskSummary task = openTask(key, actor);
    if (!TaskRules.mayDelegate(actor, task)) {
      throw new TaskActionRefusedException("tasklist.refused.notYours");
    }
    UserAccount target = receiver(assignee, task);
    if (target.username().equals(actor.username())) {
      throw new TaskActionRefusedException("tasklist.refused.toYourself");
    }
    assignInEngine(key, target.username());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("assignee", target.username());
    after.put("reason", why);
    auditLog.record(AuditAction.TASK_DELEGATED, subject(task), actor.username(), after);
    announce(task, target, actor);
  }

  /** Claims an open task for the logged-in user (as the task list's claim). */
  public void claim(long key) {
    UserAccount actor = user();
    TaskSummary task = openTask(key, actor);
    if (actor.username().equals(task.assignee())) {
      return;
    }
    if (!TaskAccess.mayClaim(actor.username(), groups(actor), task)) {
      throw new TaskActionRefusedException("tasklist.refused.claimedByOther");
    }
    try {
      client
          .newAssignUserTaskCommand(key)
          .assignee(actor.username())
          .allowOverride(false)
          .send()
          .join();
    } catch (ProblemException e) {
      throw refusedOr(e);
    }
    auditLog.record(AuditAction.TASK_CLAIMED, subject(task), null, actor.username());
  }

  /** Hands the task back to its groups: its assignee, or a lead or admin of its group. */
  public void unclaim(long key) {
    UserAccount actor = user();
    TaskSummary task = openTask(key, actor);
    if (task.assignee() == null) {
      return;
    }
    if (!TaskRules.mayUnclaim(actor, groups(actor), task)) {
      throw new TaskActionRefusedException("tasklist.refused.notYours");
    }
    try {
      client.newUnassignUserTaskCommand(key).send().join();
    } catch (ProblemException e) {
      throw refusedOr(e);
    }
    auditLog.record(AuditAction.TASK_UNCLAIMED, subject(task), task.assignee(), null);
  }

  /** Moves the due date to the end of {@code day} in the platform's zone. */
  public void changeDue(long key, LocalDate day) {
    Objects.requireNonNull(day, "day");
    UserAccount actor = user();
    TaskSummary task = openTask(key, actor);
    if (!TaskRules.mayManage(actor, groups(actor), task)) {
      throw new TaskActionRefusedException("tasklist.refused.notLead");
    }
    if (day.isBefore(LocalDate.now(clock))) {
      throw new TaskActionRefusedException("tasklist.refused.dueInPast");
    }
    OffsetDateTime due =
        day.plusDays(1).atStartOfDay(clock.getZone()).minusSeconds(1).toOffsetDateTime();
    try {
      client.newUpdateUserTaskCommand(key).dueDate(due.toString()).send().join();
    } catch (ProblemException e) {
      throw refusedOr(e);
    }
    auditLog.record(
        AuditAction.TASK_RESCHEDULED,
        subject(task),
        Map.of("due", String.valueOf(task.due())),
        Map.of("due", due.toInstant().toString()));
  }

  /** Sets the priority (0 to 100). */
  public void changePriority(long key, int priority) {
    UserAccount actor = user();
    if (priority < 0 || priority > 100) {
      throw new TaskActionRefusedException("tasklist.refused.priorityRange");
    }
    TaskSummary task = openTask(key, actor);
    if (!TaskRules.mayManage(actor, groups(actor), task)) {
      throw new TaskActionRefusedException("tasklist.refused.notLead");
    }
    try {
      client.newUpdateUserTaskCommand(key).priority(priority).send().join();
    } catch (ProblemException e) {
      throw refusedOr(e);
    }
    auditLog.record(
        AuditAction.TASK_RESCHEDULED,
        subject(task),
        Map.of("priority", String.valueOf(task.priority())),
        Map.of("priority", String.valueOf(priority)));
  }

  private boolean receives(UserAccount member, TaskSummary task) {
    return TaskRules.mayReceive(member, membership.taskGroups(member), task);
  }

  private UserAccount receiver(String username, TaskSummary task) {
    UserAccount target =
        username == null ? null : users.findByUsername(username.strip()).orElse(null);
    if (target == null || !receives(target, task)) {
      throw new TaskActionRefusedException("tasklist.refused.mayNotWork");
    }
    return target;
  }

  private void assignInEngine(long key, String username) {
    try {
      client.newAssignUserTaskCommand(key).assignee(username).allowOverride(true).send().join();
    } catch (ProblemException e) {
      throw refusedOr(e);
    }
  }

  private void announce(TaskSummary task, UserAccount target, UserAccount actor) {
    String name =
        subjects.namesOf(List.of(task.processInstanceKey())).get(task.processInstanceKey());
    events.publishEvent(new TaskAssignedEvent(task, name, target.username(), actor.username()));
  }

  /** The open task, if the user may see it; otherwise the same answer as for a missing one. */
  private TaskSummary openTask(long key, UserAccount actor) {
    UserTask task;
    try {
      task = client.newUserTaskGetRequest(key).send().join();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new AccessDeniedException("No such task");
      }
      throw e;
    }
    TaskSummary summary = TaskListService.summary(task);
    if (!TaskAccess.mayWork(actor.username(), groups(actor), summary)) {
      throw new AccessDeniedException("No such task");
    }
    if (task.getState() != UserTaskState.CREATED) {
      throw new TaskActionRefusedException("tasklist.error.notOpen");
    }
    return summary;
  }

  private AuditSubject subject(TaskSummary task) {
    Long partnerId = null;
    try {
      var found =
          client
              .newUserTaskVariableSearchRequest(task.key())
              .filter(filter -> filter.name("partnerId"))
              .send()
              .join()
              .items();
      if (!found.isEmpty() && found.get(0).getValue() != null) {
        partnerId = Long.valueOf(found.get(0).getValue().replace("\"", ""));
      }
    } catch (NumberFormatException | ProblemException notAPartner) {
      // the entry stays linked to the task and its instance only
    }
    return AuditSubject.task(task.key(), partnerId, task.processInstanceKey());
  }

  private static RuntimeException refusedOr(ProblemException e) {
    if (e.code() == 409 || e.code() == 404) {
      return new TaskActionRefusedException("tasklist.error.changedMeanwhile");
    }
    return e;
  }

  private java.util.Set<String> groups(UserAccount user) {
    return membership.taskGroups(user);
  }

  private UserAccount user() {
    return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }
}
