package io.partnerflow.app.tier.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code tier-apply}: moves the partner to {@code eligibleTier}, the tier the review found
 * met just before, with the reason in the partner's timeline and the audit trail ({@code
 * TIER_REVIEW_UPGRADE}, {@code TIER_REVIEW_DOWNGRADE} after the grace period, {@code
 * TIER_REVIEW_DOWNGRADE_CONFIRMED} when the manager chose to apply it). A retried job finds the
 * tier already set and changes nothing. Writes {@code previousTier} and {@code newTier} for the
 * notice.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class TierApplyWorker {

  static final String UPGRADE = "TIER_REVIEW_UPGRADE";
  static final String DOWNGRADE = "TIER_REVIEW_DOWNGRADE";
  static final String DOWNGRADE_CONFIRMED = "TIER_REVIEW_DOWNGRADE_CONFIRMED";

  private final PartnerService partners;

  TierApplyWorker(PartnerService partners) {
    this.partners = partners;
  }

  @JobWorker(type = "tier-apply")
  public Map<String, Object> apply(@VariablesAsType TierReviewVariables variables) {
    if (variables.partnerId() == null || variables.eligibleTier() == null) {
      throw new IllegalStateException("tier-apply needs partnerId and eligibleTier");
    }
    long partnerId = variables.partnerId();
    PartnerTier tier = PartnerTier.valueOf(variables.eligibleTier());
    String reason =
        "UPGRADE".equals(variables.action())
            ? UPGRADE
            : "apply".equals(variables.decision()) ? DOWNGRADE_CONFIRMED : DOWNGRADE;
    return SystemIdentity.call(
        () -> {
          Partner before = partners.findById(partnerId).orElseThrow();
          partners.changeTier(partnerId, tier, reason);
          // on a retry the tier is already set: the notice still names the tier it came from
          String previous =
              before.tier() == tier && variables.currentTier() != null
                  ? variables.currentTier()
                  : before.tier().name();
          return Map.<String, Object>of("previousTier", previous, "newTier", tier.name());
        });
  }
}
