package io.partnerflow.app.contract.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.contract.ContractProperties;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;
import io.partnerflow.app.security.SystemIdentity;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code contract-partner}: what the decision table and the timers need about the partner,
 * read when the contract starts (so a renewal uses the partner's current tier): type, tier and
 * country as the table spells them, the contract's language (the applicant's, else Chinese for
 * China and English elsewhere), and the configured reminder cycle and signing period.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class ContractPartnerWorker {

  private final PartnerService partners;
  private final ApplicationService applications;
  private final ContractProperties properties;

  ContractPartnerWorker(
      PartnerService partners, ApplicationService applications, ContractProperties properties) {
    this.partners = partners;
    this.applications = applications;
    this.properties = properties;
  }

  @JobWorker(
      type = "contract-partner",
      fetchVariables = {"partnerId"})
  public Map<String, Object> lookUp(@Variable Long partnerId) {
    if (partnerId == null) {
      throw new IllegalStateException("The contract-signing instance has no partnerId");
    }
    Partner partner =
        SystemIdentity.call(() -> partners.findById(partnerId))
            .orElseThrow(() -> new IllegalStateException("No partner " + partnerId));
    return Map.of(
        "partnerName", partner.name(),
        "partnerType", partner.type().name(),
        "tier", partner.tier().name(),
        "country", partner.country(),
        "language", language(partner),
        "reminderCycle", properties.reminderCycle(),
        "signingPeriod", isoDuration(properties.signingPeriod()));
  }

  private String language(Partner partner) {
    String locale =
        partner.applicationId() == null
            ? null
            : applications.find(partner.applicationId()).map(Application::locale).orElse(null);
    if (locale != null) {
      return locale.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }
    return "CN".equals(partner.country()) ? "zh" : "en";
  }

  /**
   * Whole days as {@code P30D}, which people read in the model's variables; else as Java has it.
   */
  static String isoDuration(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }
}
