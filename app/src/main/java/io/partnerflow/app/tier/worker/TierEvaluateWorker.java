package io.partnerflow.app.tier.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.tier.PartnerFacts;
import io.partnerflow.app.tier.RequirementProgress;
import io.partnerflow.app.tier.TierRequirementsTable;
import io.partnerflow.app.tier.TierRules;
import io.partnerflow.app.tier.TierStanding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Job type {@code tier-evaluate}: compares the rows the table gave ({@code requirements}) with the
 * partner's facts and names what the review does ({@code action}): {@code UPGRADE} (a higher tier
 * is met), {@code DOWNGRADE_PROPOSED} (the current tier is not met: the manager confirms), {@code
 * DOWNGRADE_DUE} (still not met once the grace period is over or the manager confirmed) or {@code
 * NONE}; with the tier the partner qualifies for and what is missing of its current tier.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class TierEvaluateWorker {

  @JobWorker(type = "tier-evaluate")
  public Map<String, Object> evaluate(@VariablesAsType TierReviewVariables variables) {
    PartnerFacts facts =
        new PartnerFacts(
            Boolean.TRUE.equals(variables.signedContract()),
            variables.certifiedPeople(),
            variables.dealRevenue());
    List<TierStanding> standings =
        TierRules.standings(TierRequirementsTable.rows(variables.requirements()), facts);
    PartnerTier current = PartnerTier.valueOf(variables.currentTier());
    PartnerTier eligible = TierRules.highestMet(standings);
    String action;
    if (eligible.compareTo(current) > 0) {
      action = "UPGRADE";
    } else if (eligible.compareTo(current) < 0) {
      action =
          Boolean.TRUE.equals(variables.downgradeDue()) ? "DOWNGRADE_DUE" : "DOWNGRADE_PROPOSED";
    } else {
      action = "NONE";
    }
    List<RequirementProgress> missing = TierRules.of(standings, current).missing();
    Map<String, Object> result = new HashMap<>();
    result.put("eligibleTier", eligible.name());
    result.put("action", action);
    result.put("missing", missing.stream().map(TierEvaluateWorker::row).toList());
    result.put(
        "missingSummary",
        missing.stream().map(TierEvaluateWorker::line).collect(Collectors.joining("\n")));
    return result;
  }

  private static Map<String, Object> row(RequirementProgress progress) {
    Map<String, Object> row = new HashMap<>();
    row.put("requirement", progress.requirement().requirement());
    row.put("certification", progress.requirement().certification());
    row.put("required", progress.requirement().required());
    row.put("have", progress.have());
    return row;
  }

  /** For the manager's form, e.g. "certified-sales-professional: 1 of 2". */
  private static String line(RequirementProgress progress) {
    String what =
        progress.requirement().certification() == null
            ? progress.requirement().requirement()
            : progress.requirement().certification();
    return what + ": " + progress.have() + " of " + progress.requirement().required();
  }
}
