package io.partnerflow.app.recruitment.worker;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code recruitment-notice}: sends the applicant the notice named in header {@code
 * template} and moves the application to header {@code status} — in one transaction, so the status
 * page never shows a stage whose notice was not queued.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class RecruitmentNoticeWorker {

  private final ApplicationService applications;
  private final NotificationService notifications;
  private final NoticeParameters parameters;
  private final TransactionTemplate transaction;

  RecruitmentNoticeWorker(
      ApplicationService applications,
      NotificationService notifications,
      NoticeParameters parameters,
      TransactionTemplate transaction) {
    this.applications = applications;
    this.notifications = notifications;
    this.parameters = parameters;
    this.transaction = transaction;
  }

  @JobWorker(type = "recruitment-notice")
  public void send(
      ActivatedJob job,
      @VariablesAsType RecruitmentVariables variables,
      @CustomHeaders Map<String, String> headers) {
    Application application = variables.applicationIn(applications);
    String template = RecruitmentHeaders.template(headers);
    transaction.executeWithoutResult(
        tx -> {
          notifications.enqueue(
              template,
              new Recipient(application.contactEmail(), application.contactName()),
              Locale.forLanguageTag(application.locale()),
              parameters.forTemplate(template, application, variables),
              Reference.of(Reference.APPLICATION, application.id()),
              parameters.secretLink(template, application),
              // a retried job (time-out, crash before completing) queues nothing new
              "job/" + job.getKey());
          applications.recordStatus(
              application.id(),
              RecruitmentHeaders.status(headers),
              parameters.statusNote(template, variables));
        });
  }
}
