package io.partnerflow.app.tasklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.filter.UserTaskFilter;
import io.camunda.client.api.search.filter.builder.DateTimeProperty;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.sort.UserTaskSort;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.form.FieldError;
import io.partnerflow.app.form.FormSchema;
import io.partnerflow.app.form.FormService;
import io.partnerflow.app.form.FormValidationResult;
import io.partnerflow.app.form.upload.FormFiles;
import io.partnerflow.app.partner.PartnerMembership;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.task.TaskForm;
import io.partnerflow.app.task.UserTaskReads;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The human-task inbox, through the Camunda client. Every call works for the logged-in user only:
 * searches are limited to their groups or to themselves, and a task is shown, claimed or completed
 * only when {@link TaskAccess} allows it — checked here, on the server, whatever the UI shows.
 *
 * <p>Staff and partner users share it; what differs is the groups ({@link
 * PartnerMembership#taskGroups}): a partner user's are their organisation's only, so the portal
 * lists and opens that organisation's tasks and nothing else, and no staff member holds a partner
 * group.
 */
@Service
@Secured({"ROLE_ADMIN", "ROLE_PARTNER_MANAGER", "ROLE_LEGAL", "ROLE_ENABLEMENT", "ROLE_PARTNER"})
public class TaskListService {

  private final CamundaClient client;
  private final UserTaskReads reads;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final FormService forms;
  private final PartnerMembership membership;
  private final AuditLog auditLog;
  private final TaskSubjects subjects;
  private final FormFiles formFiles;

  /** Tasks one process instance shows at most when the list filters by company. */
  private static final int PER_INSTANCE_LIMIT = 100;

  TaskListService(
      CamundaClient client,
      UserTaskReads reads,
      CurrentUser currentUser,
      Clock clock,
      FormService forms,
      PartnerMembership membership,
      AuditLog auditLog,
      TaskSubjects subjects,
      FormFiles formFiles) {
    this.client = client;
    this.reads = reads;
    this.currentUser = currentUser;
    this.clock = clock;
    this.forms = forms;
    this.membership = membership;
    this.auditLog = auditLog;
    this.subjects = subjects;
    this.formFiles = formFiles;
  }

  public TaskPage search(TaskQuery query, int offset, int limit) {
    UserAccount user = user();
    Set<String> groups = membership.taskGroups(user);
    boolean byGroup =
        query.scope() == TaskScope.MY_GROUPS || query.scope() == TaskScope.UNASSIGNED_IN_MY_GROUPS;
    if ((byGroup && groups.isEmpty())
        || (query.candidateGroup() != null && !groups.contains(query.candidateGroup()))) {
      // a group the user is not in shows nothing rather than telling what it holds
      return new TaskPage(List.of(), 0);
    }
    if (query.company() != null) {
      return aboutCompany(query, user.username(), groups, offset, limit);
    }
    var response =
        reads.search(
            filter -> restrict(filter, query, user.username(), groups, true),
            sort -> order(sort, query),
            offset,
            limit);
    List<TaskSummary> items = response.items().stream().map(TaskListService::summary).toList();
    Long total = response.page().totalItems();
    return new TaskPage(items, total == null ? items.size() : total);
  }

  /**
   * The staff list's page: each task with whom it is about, looked up for the whole page at once.
   *
   * @throws TaskFilterException when the company text matches too many processes to filter by
   */
  public TaskRowPage rows(TaskQuery query, int offset, int limit) {
    TaskPage page = search(query, offset, limit);
    Map<Long, String> names =
        subjects.namesOf(page.items().stream().map(TaskSummary::processInstanceKey).toList());
    List<TaskRow> rows =
        page.items().stream()
            .map(task -> new TaskRow(task, names.get(task.processInstanceKey())))
            .toList();
    return new TaskRowPage(rows, page.total());
  }

  /**
   * How many tasks match, counted up to {@code cap} (a navigation badge shows "cap+" beyond it); a
   * filter that cannot be applied counts as nothing.
   */
  public long count(TaskQuery query, int cap) {
    try {
      return Math.min(search(query, 0, 1).total(), cap + 1L);
    } catch (TaskFilterException vague) {
      return 0;
    }
  }

  /** The candidate groups the user works for, to filter by. */
  public Set<String> myGroups() {
    return Set.copyOf(membership.taskGroups(user()));
  }

  /**
   * Tasks of the few process instances about a company: one search per instance (the engine's task
   * search has no filter by several instances), merged and paged here in the list's order. The
   * process filter is applied here: an instance's tasks are all of its process, and with the
   * process in the search the engine may walk the process's open tasks instead of the instance's.
   */
  private TaskPage aboutCompany(
      TaskQuery query, String username, Set<String> groups, int offset, int limit) {
    Set<Long> instances = subjects.instancesAbout(query.company());
    List<CompletableFuture<List<TaskSummary>>> searches = new ArrayList<>();
    for (Long instance : instances) {
      searches.add(
          reads
              .searchAsync(
                  filter ->
                      restrict(filter, query, username, groups, false).processInstanceKey(instance),
                  PER_INSTANCE_LIMIT)
              .thenApply(
                  tasks ->
                      tasks.stream()
                          .map(TaskListService::summary)
                          .filter(
                              task ->
                                  query.processId() == null
                                      || query.processId().equals(task.processId()))
                          .toList()));
    }
    List<TaskSummary> all = new ArrayList<>();
    searches.forEach(search -> all.addAll(search.join()));
    all.sort(TaskOrder.of(query));
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    return new TaskPage(List.copyOf(all.subList(from, to)), all.size());
  }

  public TaskDetails get(long key) {
    TaskSummary task = allowedTask(key);
    TaskForm form = reads.form(key).orElse(null);
    String schema = form == null ? null : form.schema();
    Map<String, Object> variables = reads.variables(key);
    if (PartnerMembership.isPartnerUser(user())) {
      // a partner's task sees the process's variables, which hold internal data (scores,
      // screening, staff names): a partner user gets only the values of the form's own fields
      variables = onlyFormFields(variables, schema);
    }
    return new TaskDetails(task, form == null ? null : form.formId(), schema, variables);
  }

  private Map<String, Object> onlyFormFields(Map<String, Object> variables, String schema) {
    Map<String, Object> shown = new LinkedHashMap<>();
    if (schema != null) {
      for (var input : forms.parse(schema).inputs()) {
        if (variables.containsKey(input.key())) {
          shown.put(input.key(), variables.get(input.key()));
        }
      }
    }
    return shown;
  }

  public void claim(long key) {
    UserAccount user = user();
    TaskSummary task = allowedTask(key);
    if (!TaskAccess.mayClaim(user.username(), membership.taskGroups(user), task)) {
      throw new TaskConflictException("tasklist.error.claimedByOther", null);
    }
    try {
      client
          .newAssignUserTaskCommand(key)
          .assignee(user.username())
          .allowOverride(false)
          .send()
          .join();
    } catch (ProblemException e) {
      throw conflictOr(e);
    }
    audit(AuditAction.TASK_CLAIMED, task, reads.variables(key), task.assignee(), user.username());
  }

  public void unclaim(long key) {
    UserAccount user = user();
    TaskSummary task = allowedTask(key);
    if (!user.username().equals(task.assignee())) {
      throw new AccessDeniedException("Only the assignee can hand a task back");
    }
    try {
      client.newUnassignUserTaskCommand(key).send().join();
    } catch (ProblemException e) {
      throw conflictOr(e);
    }
    audit(AuditAction.TASK_UNCLAIMED, task, reads.variables(key), task.assignee(), null);
  }

  /**
   * Completes a task the user holds. The submission is checked again against the task's form as the
   * engine has it — whatever the browser sent — and only the form's values go to the engine.
   *
   * @throws InvalidSubmissionException with the field errors when the values do not pass the form
   */
  public void complete(long key, Map<String, Object> submitted) {
    UserAccount user = user();
    TaskSummary task = allowedTask(key);
    if (!user.username().equals(task.assignee())) {
      throw new TaskConflictException("tasklist.error.notClaimed", null);
    }
    Map<String, Object> values = submitted;
    Map<String, Object> current = reads.variables(key);
    TaskForm form = reads.form(key).orElse(null);
    if (form != null) {
      FormSchema schema = forms.parse(form.schema());
      FormValidationResult checked = forms.validate(schema, current, submitted);
      if (!checked.isValid()) {
        throw new InvalidSubmissionException(checked.errors());
      }
      // a filepicker's value must name a file of this process, not one of another's
      List<FieldError> foreign =
          formFiles.foreignFiles(schema, checked.values(), task.processInstanceKey());
      if (!foreign.isEmpty()) {
        throw new InvalidSubmissionException(foreign);
      }
      values = checked.values();
    }
    Map<String, Object> variables = new LinkedHashMap<>(values);
    // who decided: processes use it, e.g. the reviewer becomes the new partner's owner
    variables.put("completedBy", user.username());
    try {
      client
          .newCompleteUserTaskCommand(key)
          .variables(variables)
          // the engine's completing listener checks it against the assignee (CompletionGuard)
          .action(CompletionGuard.actionOf(user.username()))
          .send()
          .join();
    } catch (ProblemException e) {
      throw conflictOr(e);
    }
    audit(AuditAction.TASK_COMPLETED, task, current, null, variables);
  }

  /**
   * After the engine took the command (it is not in the database's transaction): a refused command
   * leaves no entry; the process's partner, once it has one, links the entry to that partner.
   */
  private void audit(
      AuditAction action,
      TaskSummary task,
      Map<String, Object> variables,
      Object before,
      Object after) {
    Long partnerId =
        variables.get("partnerId") instanceof Number number ? number.longValue() : null;
    auditLog.record(
        action, AuditSubject.task(task.key(), partnerId, task.processInstanceKey()), before, after);
  }

  private TaskSummary allowedTask(long key) {
    UserTask task = reads.task(key).orElseThrow(() -> new AccessDeniedException("No such task"));
    TaskSummary summary = summary(task);
    UserAccount user = user();
    if (!TaskAccess.mayWork(user.username(), membership.taskGroups(user), summary)) {
      // the same answer as for a missing task: nobody learns what exists outside their groups
      throw new AccessDeniedException("No such task");
    }
    if (task.getState() != UserTaskState.CREATED) {
      throw new TaskConflictException("tasklist.error.notOpen", null);
    }
    return summary;
  }

  private UserTaskFilter restrict(
      UserTaskFilter filter,
      TaskQuery query,
      String username,
      Set<String> groups,
      boolean byProcess) {
    filter.state(UserTaskState.CREATED);
    List<String> allowedGroups =
        query.candidateGroup() == null ? List.copyOf(groups) : List.of(query.candidateGroup());
    switch (query.scope()) {
      case ASSIGNED_TO_ME -> filter.assignee(username);
      case MY_GROUPS -> filter.candidateGroup(group -> group.in(allowedGroups));
      case UNASSIGNED_IN_MY_GROUPS -> {
        filter.candidateGroup(group -> group.in(allowedGroups));
        filter.assignee(assignee -> assignee.exists(false));
      }
      case OFFERED_TO_ME -> filter.candidateUser(username);
    }
    if (query.candidateGroup() != null
        && (query.scope() == TaskScope.ASSIGNED_TO_ME
            || query.scope() == TaskScope.OFFERED_TO_ME)) {
      filter.candidateGroup(query.candidateGroup());
    }
    if (query.assignee() != null
        && query.scope() != TaskScope.ASSIGNED_TO_ME
        && query.scope() != TaskScope.UNASSIGNED_IN_MY_GROUPS) {
      filter.assignee(query.assignee());
    }
    if (byProcess && query.processId() != null) {
      filter.bpmnProcessId(query.processId());
    }
    if (query.elementId() != null) {
      filter.elementId(query.elementId());
    }
    if (query.minimumPriority() != null) {
      filter.priority(priority -> priority.gte(query.minimumPriority()));
    }
    dueWindow(query).ifPresent(window -> filter.dueDate(window));
    return filter;
  }

  /** The due filter and the due range as one condition on the due date, or none. */
  private Optional<Consumer<DateTimeProperty>> dueWindow(TaskQuery query) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime before =
        switch (query.due()) {
          case OVERDUE -> now;
          case DUE_WITHIN_7_DAYS -> now.plus(Duration.ofDays(7)).plusNanos(1_000);
          case ANY -> null;
        };
    OffsetDateTime from =
        query.dueFrom() == null
            ? null
            : query.dueFrom().atStartOfDay(clock.getZone()).toOffsetDateTime();
    if (query.dueTo() != null) {
      OffsetDateTime end =
          query.dueTo().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
      before = before == null || end.isBefore(before) ? end : before;
    }
    if (from == null && before == null) {
      return Optional.empty();
    }
    OffsetDateTime lower = from;
    OffsetDateTime upper = before;
    return Optional.of(
        due -> {
          if (lower != null) {
            due.gte(lower);
          }
          if (upper != null) {
            due.lt(upper);
          }
        });
  }

  private static UserTaskSort order(UserTaskSort sort, TaskQuery query) {
    UserTaskSort field =
        switch (query.sort()) {
          case CREATED -> sort.creationDate();
          case DUE -> sort.dueDate();
          case PRIORITY -> sort.priority();
        };
    return query.descending() ? field.desc() : field.asc();
  }

  private static TaskConflictException conflictOr(ProblemException e) {
    if (e.code() == 409 || e.code() == 404) {
      return new TaskConflictException("tasklist.error.changedMeanwhile", e);
    }
    throw e;
  }

  private UserAccount user() {
    return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }

  static TaskSummary summary(UserTask task) {
    return new TaskSummary(
        task.getUserTaskKey(),
        task.getName(),
        task.getBpmnProcessId(),
        task.getProcessInstanceKey(),
        task.getAssignee(),
        task.getCandidateGroups(),
        task.getCandidateUsers(),
        task.getCreationDate() == null ? null : task.getCreationDate().toInstant(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        task.getPriority(),
        task.getElementId());
  }
}
