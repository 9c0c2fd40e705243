package io.partnerflow.app.recruitment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.StaffGroups;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.task.UserTaskReads;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Job type {@code notify-review-overdue}: the review passed its due date, so every team lead of the
 * partner managers gets a notice naming the reviewer (if any) and linking the task.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class ReviewOverdueWorker {

  private static final DateTimeFormatter DUE_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  static final String TEAM_LEADS = StaffGroups.TEAM_LEADS;

  private final UserTaskReads tasks;
  private final UserAccountService users;
  private final NotificationService notifications;
  private final RecruitmentProperties properties;

  ReviewOverdueWorker(
      UserTaskReads tasks,
      UserAccountService users,
      NotificationService notifications,
      RecruitmentProperties properties) {
    this.tasks = tasks;
    this.users = users;
    this.notifications = notifications;
    this.properties = properties;
  }

  @JobWorker(
      type = "notify-review-overdue",
      fetchVariables = {"applicationId", "companyName"})
  public void notifyLeads(
      ActivatedJob job,
      @ProcessInstanceKey long processInstanceKey,
      @Variable Long applicationId,
      @Variable String companyName) {
    Optional<UserTask> open = openReview(processInstanceKey);
    if (open.isEmpty()) {
      // decided between the timer and this job (the boundary event does not interrupt the task):
      // nothing is overdue any more, and a retry would never find it either
      return;
    }
    UserTask review = open.get();
    List<UserAccount> leads = SystemIdentity.call(() -> users.membersOf(TEAM_LEADS));
    String link = properties.link("tasks/" + review.getUserTaskKey());
    for (UserAccount lead : leads) {
      if (lead.email() == null) {
        continue;
      }
      notifications.enqueue(
          "review-overdue",
          new Recipient(lead.email(), lead.displayName()),
          Locale.ENGLISH,
          Map.of(
              "leadName",
              lead.displayName(),
              "companyName",
              companyName == null ? "" : companyName,
              "reviewer",
              review.getAssignee() == null ? "nobody yet" : review.getAssignee(),
              "dueDate",
              dueDate(review.getDueDate()),
              "taskLink",
              link),
          applicationId == null
              ? Reference.none()
              : Reference.of(Reference.APPLICATION, applicationId),
          null,
          // one notice per lead and job: a retried job queues nothing new
          "job/" + job.getKey() + "/user/" + lead.id());
    }
  }

  /**
   * The due date as people read it, in UTC since leads may sit anywhere: "6 Dec 2026, 10:36 UTC".
   */
  static String dueDate(OffsetDateTime due) {
    return due == null ? "(no due date)" : DUE_DATE.format(due.atZoneSameInstant(ZoneOffset.UTC));
  }

  private Optional<UserTask> openReview(long processInstanceKey) {
    return tasks.openTask(processInstanceKey, "review-application");
  }
}
