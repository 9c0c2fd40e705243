package io.partnerflow.app.tier;

import io.partnerflow.app.partner.PartnerTier;
import java.util.List;

/**
 * A partner's tier and its progress towards every tier.
 *
 * @param current the tier the partner holds
 * @param qualifiesFor the highest tier whose requirements the partner meets today (the tier review
 *     moves the partner there: up at once, down after the grace period)
 * @param tiers every tier above Registered, lowest first
 */
public record TierOverview(
    PartnerTier current, PartnerTier qualifiesFor, List<TierStanding> tiers) {

  public TierOverview {
    tiers = List.copyOf(tiers);
  }
}
