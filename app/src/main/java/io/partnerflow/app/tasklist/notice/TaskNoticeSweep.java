package io.partnerflow.app.tasklist.notice;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.tasklist.TaskSubjectNames;
import io.partnerflow.app.tasklist.TaskSummaries;
import io.partnerflow.app.tasklist.TaskSummary;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the engine decides on its own, found by asking it every {@code sweep-interval}: tasks the
 * process created with an assignee, and held tasks that passed their due date within the last
 * {@code lookback}. Each becomes an arrival once ({@link StaffNoticeRepository#record}), so
 * overlapping sweeps and several nodes send each notice once.
 */
@Component
class TaskNoticeSweep {

  private static final Logger log = LoggerFactory.getLogger(TaskNoticeSweep.class);
  private static final int PAGE = 200;

  private final CamundaClient client;
  private final StaffNotices notices;
  private final UserAccountService users;
  private final TaskSubjectNames subjects;
  private final TaskNoticeProperties properties;
  private final Clock clock;

  TaskNoticeSweep(
      CamundaClient client,
      StaffNotices notices,
      UserAccountService users,
      TaskSubjectNames subjects,
      TaskNoticeProperties properties,
      Clock clock) {
    this.client = client;
    this.notices = notices;
    this.users = users;
    this.subjects = subjects;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${partnerflow.task-notices.sweep-interval:PT1M}",
      initialDelayString = "${partnerflow.task-notices.sweep-interval:PT1M}")
  void sweepSafely() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // e.g. the engine is restarting: the next sweep looks back far enough
      log.warn("Task notice sweep failed: {}", e.toString());
    }
  }

  /** One sweep; returns how many tasks it looked at. */
  int sweep() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime since = now.minus(properties.lookback());
    // a task claimed soon after it was created looks the same; two intervals keep that window short
    OffsetDateTime createdSince = now.minus(properties.sweepInterval().multipliedBy(2));
    List<UserTask> assignedByProcess =
        client
            .newUserTaskSearchRequest()
            .filter(
                filter ->
                    filter
                        .state(UserTaskState.CREATED)
                        .assignee(assignee -> assignee.exists(true))
                        .creationDate(created -> created.gte(createdSince)))
            .page(page -> page.limit(PAGE))
            .send()
            .join()
            .items();
    List<UserTask> overdue =
        client
            .newUserTaskSearchRequest()
            .filter(
                filter ->
                    filter
                        .state(UserTaskState.CREATED)
                        .assignee(assignee -> assignee.exists(true))
                        .dueDate(due -> due.gte(since).lt(now)))
            .page(page -> page.limit(PAGE))
            .send()
            .join()
            .items();
    Map<Long, String> names =
        subjects.namesOf(
            java.util.stream.Stream.concat(assignedByProcess.stream(), overdue.stream())
                .map(UserTask::getProcessInstanceKey)
                .distinct()
                .toList());
    for (UserTask task : assignedByProcess) {
      TaskSummary summary = TaskSummaries.of(task);
      holder(summary)
          .ifPresent(
              user ->
                  notices.arrivedFromProcess(
                      user, summary, names.get(summary.processInstanceKey())));
    }
    for (UserTask task : overdue) {
      TaskSummary summary = TaskSummaries.of(task);
      holder(summary)
          .ifPresent(
              user ->
                  notices.becameOverdue(user, summary, names.get(summary.processInstanceKey())));
    }
    return assignedByProcess.size() + overdue.size();
  }

  private Optional<UserAccount> holder(TaskSummary task) {
    return users.findByUsername(task.assignee()).filter(user -> user.enabled());
  }
}
