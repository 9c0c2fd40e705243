package io.partnerflow.app.enablement.learning.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.enablement.learning.LearningService;
import io.partnerflow.app.enablement.learning.OrganisationProgress;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.NotificationTemplates;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code enablement-plan-complete} ("Tell the partner manager the plan is complete"): a
 * notice to the partner's manager (the owner; without one, every partner manager) with how many of
 * the organisation's courses were passed. Staff read English, like the other staff notices.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class PlanCompleteWorker {

  static final String MANAGERS = "partner-managers";

  private final PartnerService partners;
  private final UserAccountService users;
  private final LearningService learning;
  private final NotificationService notifications;
  private final RecruitmentProperties links;
  private final TransactionTemplate transaction;

  PlanCompleteWorker(
      PartnerService partners,
      UserAccountService users,
      LearningService learning,
      NotificationService notifications,
      RecruitmentProperties links,
      TransactionTemplate transaction) {
    this.partners = partners;
    this.users = users;
    this.learning = learning;
    this.notifications = notifications;
    this.links = links;
    this.transaction = transaction;
  }

  @JobWorker(
      type = "enablement-plan-complete",
      fetchVariables = {"partnerId"})
  public void tell(ActivatedJob job, @Variable Long partnerId) {
    if (partnerId == null) {
      throw new IllegalStateException("enablement-plan-complete needs the variable partnerId");
    }
    SystemIdentity.call(
        () -> {
          Partner partner = partners.findById(partnerId).orElseThrow();
          OrganisationProgress progress = learning.organisationProgress(partnerId);
          transaction.executeWithoutResult(
              tx -> {
                for (UserAccount manager : managers(partner)) {
                  notifications.enqueue(
                      NotificationTemplates.ENABLEMENT_PLAN_COMPLETE,
                      new Recipient(manager.email(), manager.displayName()),
                      Locale.ENGLISH,
                      Map.of(
                          "recipientName", manager.displayName(),
                          "partnerName", partner.name(),
                          "passed", progress.passed(),
                          "courses", progress.courses(),
                          "partnerLink", links.link("partners/" + partnerId)),
                      Reference.of(Reference.PARTNER, partnerId),
                      null,
                      "job/" + job.getKey() + "/" + manager.email());
                }
              });
          return null;
        });
  }

  private List<UserAccount> managers(Partner partner) {
    List<UserAccount> owner =
        partner.ownerUsername() == null
            ? List.of()
            : users.findByUsername(partner.ownerUsername()).stream()
                .filter(user -> user.enabled() && user.email() != null)
                .toList();
    return owner.isEmpty()
        ? users.membersOf(MANAGERS).stream().filter(user -> user.email() != null).toList()
        : owner;
  }
}
