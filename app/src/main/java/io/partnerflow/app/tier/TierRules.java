package io.partnerflow.app.tier;

import io.partnerflow.app.partner.PartnerTier;
import java.util.Arrays;
import java.util.List;

/**
 * Compares the rows of the requirements table with a partner's facts: per tier what is met and what
 * is missing, and the highest tier the partner qualifies for. The same rules serve the review
 * process and the progress pages, so both always agree.
 */
public final class TierRules {

  private TierRules() {}

  /** Every tier, lowest first, with the partner's progress on its rows. */
  public static List<TierStanding> standings(
      List<TierRequirement> requirements, PartnerFacts facts) {
    return Arrays.stream(PartnerTier.values())
        .map(
            tier ->
                new TierStanding(
                    tier,
                    requirements.stream()
                        .filter(requirement -> requirement.tier() == tier)
                        .map(
                            requirement ->
                                new RequirementProgress(requirement, facts.have(requirement)))
                        .toList()))
        .toList();
  }

  /**
   * The highest tier whose requirements are all met; Registered (no requirements) at least. A tier
   * counts on its own rows: a Gold partner need not also repeat Silver's rows in the table.
   */
  public static PartnerTier highestMet(List<TierStanding> standings) {
    return standings.stream()
        .filter(TierStanding::met)
        .map(TierStanding::tier)
        .reduce(PartnerTier.REGISTERED, (a, b) -> b.ordinal() > a.ordinal() ? b : a);
  }

  /** The standing of one tier. */
  public static TierStanding of(List<TierStanding> standings, PartnerTier tier) {
    return standings.stream().filter(s -> s.tier() == tier).findFirst().orElseThrow();
  }
}
