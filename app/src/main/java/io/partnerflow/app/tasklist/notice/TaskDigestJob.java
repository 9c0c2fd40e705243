package io.partnerflow.app.tasklist.notice;

import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.NotificationTemplates;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day ({@code partnerflow.task-notices.digest-cron}): one e-mail to each staff member who
 * chose the digest and has tasks not yet in one, listing them. The notice's event key holds the
 * day, so a second run on the same day (another node, a restart) sends nothing more.
 */
@Component
class TaskDigestJob {

  private static final Logger log = LoggerFactory.getLogger(TaskDigestJob.class);

  private final StaffNoticeRepository repository;
  private final UserAccountService users;
  private final NotificationService notifications;
  private final RecruitmentProperties links;
  private final TaskNoticeProperties properties;
  private final Clock clock;

  TaskDigestJob(
      StaffNoticeRepository repository,
      UserAccountService users,
      NotificationService notifications,
      RecruitmentProperties links,
      TaskNoticeProperties properties,
      Clock clock) {
    this.repository = repository;
    this.users = users;
    this.notifications = notifications;
    this.links = links;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${partnerflow.task-notices.digest-cron:0 0 7 * * *}",
      zone = "${partnerflow.task-notices.digest-zone:UTC}")
  void sendSafely() {
    try {
      send();
    } catch (RuntimeException e) {
      log.warn("Task digest failed: {}", e.toString());
    }
  }

  /** Sends the digests due; returns how many e-mails were queued. */
  @Transactional
  int send() {
    Map<String, List<Arrival>> byUser = repository.undigested();
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(properties.digestZone())));
    int sent = 0;
    for (var entry : byUser.entrySet()) {
      UserAccount user = users.findByUsername(entry.getKey()).orElse(null);
      if (user != null && user.enabled() && user.email() != null) {
        queue(user, entry.getValue(), today);
        sent++;
      }
      repository.markDigested(entry.getValue().get(0).userId(), clock.instant());
    }
    return sent;
  }

  private void queue(UserAccount user, List<Arrival> arrivals, LocalDate today) {
    Locale locale = Locale.forLanguageTag(repository.language(user.id()).orElse("en"));
    boolean chinese = locale.getLanguage().equals("zh");
    StringBuilder tasks = new StringBuilder();
    for (Arrival arrival : arrivals) {
      tasks
          .append(arrival.kind() == ArrivalKind.OVERDUE ? (chinese ? "[已逾期] " : "[overdue] ") : "")
          .append(arrival.taskName())
          .append(arrival.subject() == null ? "" : " — " + arrival.subject())
          .append(": ")
          .append(links.link("tasks/" + arrival.taskKey()))
          .append('\n');
    }
    notifications.enqueue(
        NotificationTemplates.TASK_DIGEST,
        new Recipient(user.email(), user.displayName()),
        locale,
        Map.of(
            "recipientName", user.displayName(),
            "count", arrivals.size(),
            "tasks", tasks.toString().strip(),
            "tasksLink", links.link("tasks")),
        Reference.none(),
        null,
        "task-digest/" + user.id() + "/" + today);
  }
}
