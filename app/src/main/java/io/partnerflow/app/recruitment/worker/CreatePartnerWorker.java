package io.partnerflow.app.recruitment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.partnerflow.app.partner.NewPartner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code create-partner}: turns the approved application into a partner organisation with
 * the reviewer's tier and the reviewer as owner. Idempotent per application, so a retried job never
 * creates a second partner. Returns only {@code partnerId}.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class CreatePartnerWorker {

  private final ApplicationService applications;
  private final PartnerService partners;

  CreatePartnerWorker(ApplicationService applications, PartnerService partners) {
    this.applications = applications;
    this.partners = partners;
  }

  @JobWorker(type = "create-partner")
  public Map<String, Object> create(@VariablesAsType RecruitmentVariables variables) {
    Application application = variables.applicationIn(applications);
    NewPartner partner =
        new NewPartner(
            application.companyName(),
            (String) application.data().get("website"),
            application.country(),
            PartnerType.valueOf(application.partnerType().toUpperCase(Locale.ROOT)),
            tier(variables),
            variables.completedBy(),
            PartnerContact.primary(application.contactName(), application.contactEmail(), null),
            variables.fitScore() == null ? null : variables.fitScore().intValue(),
            application.id());
    long partnerId = SystemIdentity.call(() -> partners.create(partner));
    return Map.of("partnerId", partnerId);
  }

  private static PartnerTier tier(RecruitmentVariables variables) {
    String chosen = variables.tier() != null ? variables.tier() : variables.suggestedTier();
    return chosen == null
        ? PartnerTier.REGISTERED
        : PartnerTier.valueOf(chosen.toUpperCase(Locale.ROOT));
  }
}
