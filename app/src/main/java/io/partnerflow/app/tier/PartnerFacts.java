package io.partnerflow.app.tier;

import java.util.Map;

/**
 * What a partner has, to compare with the tier requirements.
 *
 * @param certifiedPeople valid certificate holders per certification code
 * @param dealRevenue revenue from registered deals; null while the platform does not record deals
 */
public record PartnerFacts(
    boolean signedContract, Map<String, Integer> certifiedPeople, Long dealRevenue) {

  public PartnerFacts {
    certifiedPeople = certifiedPeople == null ? Map.of() : Map.copyOf(certifiedPeople);
  }

  /** How much of the requirement the partner has (people, 1 or 0 for the contract, revenue). */
  long have(TierRequirement requirement) {
    return switch (requirement.requirement()) {
      case TierRequirement.CONTRACT -> signedContract ? 1 : 0;
      case TierRequirement.CERTIFICATION ->
          certifiedPeople.getOrDefault(requirement.certification(), 0);
      case TierRequirement.DEAL_REVENUE -> dealRevenue == null ? 0 : dealRevenue;
      default ->
          throw new IllegalArgumentException(
              "tier-requirements.dmn names an unknown requirement: " + requirement.requirement());
    };
  }
}
