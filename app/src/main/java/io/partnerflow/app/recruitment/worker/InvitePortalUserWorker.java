package io.partnerflow.app.recruitment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.Invitation;
import io.partnerflow.app.security.InvitationService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code invite-portal-user}: creates the contact's portal account for the new partner and
 * e-mails the one-time link to set a password. The link's secret never enters the process.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class InvitePortalUserWorker {

  private final ApplicationService applications;
  private final InvitationService invitations;
  private final NotificationService notifications;
  private final RecruitmentProperties properties;
  private final TransactionTemplate transaction;

  InvitePortalUserWorker(
      ApplicationService applications,
      InvitationService invitations,
      NotificationService notifications,
      RecruitmentProperties properties,
      TransactionTemplate transaction) {
    this.applications = applications;
    this.invitations = invitations;
    this.notifications = notifications;
    this.properties = properties;
    this.transaction = transaction;
  }

  @JobWorker(type = "invite-portal-user")
  public void invite(@VariablesAsType RecruitmentVariables variables) {
    Application application = variables.applicationIn(applications);
    if (variables.partnerId() == null) {
      throw new IllegalStateException("The partner must exist before its contact is invited");
    }
    Locale locale = Locale.forLanguageTag(application.locale());
    transaction.executeWithoutResult(
        tx -> {
          Invitation invitation =
              invitations.invitePartnerUser(
                  application.contactEmail(), application.contactName(), variables.partnerId());
          notifications.enqueue(
              "portal-invitation",
              new Recipient(application.contactEmail(), application.contactName()),
              locale,
              Map.of(
                  "contactName", application.contactName(),
                  "partnerName", application.companyName(),
                  "username", invitation.username(),
                  "setPasswordLink", link(invitation.token()),
                  "expiresAt",
                      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                          .withLocale(locale)
                          .withZone(ZoneId.systemDefault())
                          .format(invitation.expiresAt())),
              Reference.of(Reference.PARTNER, variables.partnerId()));
        });
  }

  private String link(String token) {
    return properties.link("invitation/" + token);
  }
}
