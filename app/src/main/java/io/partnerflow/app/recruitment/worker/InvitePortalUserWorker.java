package io.partnerflow.app.recruitment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.notification.SecretLink;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.security.InvitationService;
import io.partnerflow.app.security.PortalAccount;
import io.partnerflow.app.security.SystemIdentity;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code invite-portal-user}: creates the contact's portal account for the new partner and
 * queues the invitation e-mail. The one-time link is issued only when the e-mail is sent ({@link
 * InvitationLinkIssuer}): its secret never enters the process or the outbox.
 *
 * <p>Process variables do not bind identities here: the partner must be the one created from this
 * application (its {@code application_id}), and the account is reused only when it belongs to that
 * partner. A retried job queues no second invitation (the notice is keyed by the job).
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class InvitePortalUserWorker {

  private final ApplicationService applications;
  private final PartnerService partners;
  private final InvitationService invitations;
  private final NotificationService notifications;
  private final TransactionTemplate transaction;

  InvitePortalUserWorker(
      ApplicationService applications,
      PartnerService partners,
      InvitationService invitations,
      NotificationService notifications,
      TransactionTemplate transaction) {
    this.applications = applications;
    this.partners = partners;
    this.invitations = invitations;
    this.notifications = notifications;
    this.transaction = transaction;
  }

  @JobWorker(type = "invite-portal-user")
  public void invite(ActivatedJob job, @VariablesAsType RecruitmentVariables variables) {
    Application application = variables.applicationIn(applications);
    Partner partner = partnerOf(application, variables.partnerId());
    Locale locale = Locale.forLanguageTag(application.locale());
    transaction.executeWithoutResult(
        tx -> {
          PortalAccount account =
              invitations.invitePartnerUser(
                  application.contactEmail(), application.contactName(), partner.id());
          notifications.enqueue(
              "portal-invitation",
              new Recipient(application.contactEmail(), application.contactName()),
              locale,
              Map.of(
                  "contactName", application.contactName(),
                  "partnerName", partner.name(),
                  "username", account.username(),
                  "expiresAt",
                      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                          .withLocale(locale)
                          .withZone(DisplayZone.get())
                          .format(invitations.expiryOfALinkIssuedNow())),
              Reference.of(Reference.PARTNER, partner.id()),
              SecretLink.of("setPasswordLink", InvitationLinkIssuer.KIND, account.userId()),
              "job/" + job.getKey());
        });
  }

  /** The partner named by the process, provided it was created from this very application. */
  private Partner partnerOf(Application application, Long partnerId) {
    if (partnerId == null) {
      throw new IllegalStateException("The partner must exist before its contact is invited");
    }
    Partner partner =
        SystemIdentity.call(() -> partners.findById(partnerId))
            .orElseThrow(() -> new IllegalStateException("No partner " + partnerId));
    if (!Long.valueOf(application.id()).equals(partner.applicationId())) {
      throw new IllegalStateException(
          "Partner " + partnerId + " was not created from application " + application.id());
    }
    return partner;
  }
}
