package io.partnerflow.app.tasklist.notice;

import io.partnerflow.app.modeling.ProcessStepNames;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.NotificationTemplates;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.CurrentUser;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.tasklist.StaffTasks;
import io.partnerflow.app.tasklist.TaskAssignedEvent;
import io.partnerflow.app.tasklist.TaskSummary;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff notices about tasks: a task given to someone (by a colleague or the process) or overdue in
 * their hands is recorded as an arrival, counted in the layout until they open the task list, and
 * e-mailed through the outbox in their language as they chose: each at once, in the daily digest
 * ({@link TaskDigestJob}), or not at all.
 */
@Service
public class StaffNotices {

  static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

  private final StaffNoticeRepository repository;
  private final CurrentUser currentUser;
  private final UserAccountService users;
  private final NotificationService notifications;
  private final RecruitmentProperties links;
  private final Clock clock;

  StaffNotices(
      StaffNoticeRepository repository,
      CurrentUser currentUser,
      UserAccountService users,
      NotificationService notifications,
      RecruitmentProperties links,
      Clock clock) {
    this.repository = repository;
    this.currentUser = currentUser;
    this.users = users;
    this.notifications = notifications;
    this.links = links;
    this.clock = clock;
  }

  /** Whether the logged-in user is staff who works tasks (the count and settings are theirs). */
  public boolean forCurrentUser() {
    return currentUser
        .get()
        .map(
            user ->
                !user.roles().contains(Role.PARTNER)
                    && user.roles().stream()
                        .anyMatch(
                            role ->
                                role == Role.ADMIN
                                    || role == Role.PARTNER_MANAGER
                                    || role == Role.LEGAL
                                    || role == Role.ENABLEMENT))
        .orElse(false);
  }

  /** The logged-in user's choice (EACH until they choose). */
  @StaffTasks
  public NoticeMode mode() {
    return repository.mode(user().id());
  }

  /** Saves the choice; the e-mails come in {@code locale}'s language from now on. */
  @StaffTasks
  @Transactional
  public void changeMode(NoticeMode mode, Locale locale) {
    repository.saveMode(user().id(), mode, languageOf(locale));
  }

  /** The user opened the task list: the count starts again, notices follow their language. */
  @StaffTasks
  @Transactional
  public void listOpened(Locale locale) {
    repository.markSeen(user().id(), languageOf(locale), clock.instant());
  }

  /**
   * Tasks given to the user since they last opened the list, counted up to {@code cap + 1} (the
   * badge shows "cap+"): one query on the app's own table.
   */
  @StaffTasks
  public long newTasks(int cap) {
    return repository.newSinceSeen(user().id(), cap);
  }

  /** A colleague assigned or delegated a task. */
  @EventListener
  public void onAssigned(TaskAssignedEvent event) {
    users
        .findByUsername(event.assignee())
        .ifPresent(
            target ->
                record(
                    target,
                    event.task(),
                    event.subject(),
                    ArrivalKind.ASSIGNED,
                    displayName(event.by()),
                    true));
  }

  /** The process created the task with this assignee (found by {@link TaskNoticeSweep}). */
  void arrivedFromProcess(UserAccount user, TaskSummary task, String subject) {
    record(user, task, subject, ArrivalKind.ASSIGNED, null, false);
  }

  /** The task the user holds passed its due date (found by {@link TaskNoticeSweep}). */
  void becameOverdue(UserAccount user, TaskSummary task, String subject) {
    record(user, task, subject, ArrivalKind.OVERDUE, null, false);
  }

  /**
   * Records that the task came to the user and sends the notice if they want it now. {@code by} is
   * who assigned it (null for the process); ignored for overdue tasks.
   */
  private void record(
      UserAccount user,
      TaskSummary task,
      String subject,
      ArrivalKind kind,
      String by,
      boolean again) {
    Locale locale = Locale.forLanguageTag(repository.language(user.id()).orElse("en"));
    String taskName = taskName(task, locale);
    boolean fresh =
        repository.record(
            new Arrival(user.id(), task.key(), kind, taskName, subject), clock.instant(), again);
    if (!fresh || repository.mode(user.id()) != NoticeMode.EACH || user.email() == null) {
      return;
    }
    boolean chinese = locale.getLanguage().equals("zh");
    String about = subject == null ? (chinese ? "（未注明）" : "(not named)") : subject;
    String link = links.link("tasks/" + task.key());
    Map<String, Object> params =
        kind == ArrivalKind.ASSIGNED
            ? Map.of(
                "recipientName", user.displayName(),
                "taskName", taskName,
                "subject", about,
                "assignedBy", by == null ? (chinese ? "流程" : "The process") : by,
                "taskLink", link)
            : Map.of(
                "recipientName", user.displayName(),
                "taskName", taskName,
                "subject", about,
                "dueDate",
                    task.due() == null ? "-" : DUE.format(task.due().atOffset(ZoneOffset.UTC)),
                "taskLink", link);
    notifications.enqueue(
        kind == ArrivalKind.ASSIGNED
            ? NotificationTemplates.TASK_ASSIGNED
            : NotificationTemplates.TASK_OVERDUE,
        new Recipient(user.email(), user.displayName()),
        locale,
        params,
        Reference.of("task", task.key()),
        null,
        // an overdue notice once per task and holder; an assignment once per moment it happened
        kind == ArrivalKind.OVERDUE
            ? "task/" + task.key() + "/overdue/" + user.id()
            : "task/" + task.key() + "/assigned/" + user.id() + "/" + clock.millis());
  }

  static String taskName(TaskSummary task, Locale locale) {
    String name =
        ProcessStepNames.step(
            task.processId(), task.elementId(), task.name() == null ? "" : task.name(), locale);
    return name == null || name.isBlank() ? String.valueOf(task.key()) : name;
  }

  private String displayName(String username) {
    return users.findByUsername(username).map(UserAccount::displayName).orElse(username);
  }

  private static String languageOf(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  private UserAccount user() {
    return currentUser.get().orElseThrow(() -> new AccessDeniedException("Not logged in"));
  }
}
