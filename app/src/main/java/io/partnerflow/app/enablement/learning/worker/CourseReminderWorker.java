package io.partnerflow.app.enablement.learning.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.enablement.learning.CourseProgress;
import io.partnerflow.app.enablement.learning.EnrolmentStatus;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.NotificationTemplates;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Job type {@code enablement-reminder} ("Remind to start the course"): when the person has still
 * not opened the course, one notice to them in their organisation's language (Chinese for partners
 * in China); a course started meanwhile is left alone. Keyed by the job, so a retry sends nothing
 * twice.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class CourseReminderWorker {

  private final LearningService learning;
  private final UserAccountService users;
  private final NotificationService notifications;
  private final PartnerLanguage languages;
  private final RecruitmentProperties links;

  CourseReminderWorker(
      LearningService learning,
      UserAccountService users,
      NotificationService notifications,
      PartnerLanguage languages,
      RecruitmentProperties links) {
    this.learning = learning;
    this.users = users;
    this.notifications = notifications;
    this.languages = languages;
    this.links = links;
  }

  @JobWorker(
      type = "enablement-reminder",
      fetchVariables = {"assignment"})
  public Map<String, Object> remind(ActivatedJob job, @Variable Map<String, Object> assignment) {
    Assignment course = Assignment.of(assignment);
    return SystemIdentity.call(
        () -> {
          Optional<CourseProgress> progress = learning.enrolment(course.enrolmentId());
          Optional<UserAccount> person = users.findByUsername(course.username());
          if (progress.isEmpty()
              || progress.get().status() != EnrolmentStatus.ASSIGNED
              || person.isEmpty()
              || person.get().email() == null
              || !person.get().enabled()) {
            return Map.<String, Object>of("reminded", false);
          }
          Locale locale = languages.of(person.get().partnerId());
          boolean chinese = Locale.SIMPLIFIED_CHINESE.equals(locale);
          notifications.enqueue(
              NotificationTemplates.ENABLEMENT_COURSE_REMINDER,
              new Recipient(person.get().email(), person.get().displayName()),
              locale,
              Map.of(
                  "recipientName", person.get().displayName(),
                  "courseTitle", progress.get().title(chinese),
                  "courseLink", links.link("portal/learning/" + course.enrolmentId())),
              Reference.of(Reference.PARTNER, person.get().partnerId()),
              null,
              "job/" + job.getKey());
          return Map.<String, Object>of("reminded", true);
        });
  }
}
