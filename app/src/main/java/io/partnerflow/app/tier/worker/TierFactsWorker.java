package io.partnerflow.app.tier.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.tier.PartnerFacts;
import io.partnerflow.app.tier.PartnerFactsReader;
import io.partnerflow.app.tier.TierProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code tier-facts}: the partner as it is now — its tier, whether its agreement is in
 * force, its certified people per certification, revenue from registered deals (null: not recorded
 * yet) — and the configured grace period, so the model needs no edit to change it.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class TierFactsWorker {

  private final PartnerService partners;
  private final PartnerFactsReader facts;
  private final TierProperties properties;

  TierFactsWorker(PartnerService partners, PartnerFactsReader facts, TierProperties properties) {
    this.partners = partners;
    this.facts = facts;
    this.properties = properties;
  }

  @JobWorker(
      type = "tier-facts",
      fetchVariables = {"partnerId"})
  public Map<String, Object> lookUp(@Variable Long partnerId) {
    if (partnerId == null) {
      throw new IllegalStateException("The tier-review instance has no partnerId");
    }
    Partner partner =
        SystemIdentity.call(() -> partners.findById(partnerId))
            .orElseThrow(() -> new IllegalStateException("No partner " + partnerId));
    PartnerFacts now = facts.of(partnerId);
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerName", partner.name());
    variables.put("currentTier", partner.tier().name());
    variables.put("signedContract", now.signedContract());
    variables.put("certifiedPeople", now.certifiedPeople());
    variables.put("dealRevenue", now.dealRevenue());
    variables.put("downgradeGrace", isoDuration(properties.downgradeGrace()));
    return variables;
  }

  /**
   * Whole days as {@code P30D}, which people read in the model's variables; else as Java has it.
   */
  static String isoDuration(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }
}
