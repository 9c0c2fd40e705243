package io.partnerflow.app.tier;

/** One requirement of a tier and how much of it the partner has ("2 of 3"). */
public record RequirementProgress(TierRequirement requirement, long have) {

  public boolean met() {
    return have >= requirement.required();
  }

  /** What is still missing, 0 when met. */
  public long missing() {
    return Math.max(0, requirement.required() - have);
  }
}
