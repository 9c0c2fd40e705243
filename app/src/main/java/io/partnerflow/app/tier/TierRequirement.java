package io.partnerflow.app.tier;

import io.partnerflow.app.partner.PartnerTier;

/**
 * One row of {@code bpmn/tier-requirements.dmn}: what a tier needs.
 *
 * @param requirement {@link #CONTRACT}, {@link #CERTIFICATION} or {@link #DEAL_REVENUE}
 * @param certification the certification's code for {@link #CERTIFICATION}, else null
 * @param required people holding the certification, 1 for the contract, the amount of revenue
 */
public record TierRequirement(
    PartnerTier tier, String requirement, String certification, long required) {

  /** A signed partner agreement in force. */
  public static final String CONTRACT = "contract";

  /** A number of people with a valid certificate of one certification. */
  public static final String CERTIFICATION = "certification";

  /** Revenue from registered deals (no row uses it yet; the table has the input). */
  public static final String DEAL_REVENUE = "deal-revenue";
}
