package io.partnerflow.app.tier.worker;

import java.util.Map;

/** The variables of a tier-review instance its workers read. Missing ones are null. */
public record TierReviewVariables(
    Long partnerId,
    String currentTier,
    String eligibleTier,
    String action,
    String decision,
    Boolean signedContract,
    Map<String, Integer> certifiedPeople,
    Long dealRevenue,
    Object requirements,
    Boolean downgradeDue) {}
