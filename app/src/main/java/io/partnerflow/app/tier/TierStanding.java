package io.partnerflow.app.tier;

import io.partnerflow.app.partner.PartnerTier;
import java.util.List;

/** A tier and the partner's progress on each of its requirements. */
public record TierStanding(PartnerTier tier, List<RequirementProgress> requirements) {

  public TierStanding {
    requirements = List.copyOf(requirements);
  }

  /** Met when every requirement is (a tier without requirements is always met). */
  public boolean met() {
    return requirements.stream().allMatch(RequirementProgress::met);
  }

  public List<RequirementProgress> missing() {
    return requirements.stream().filter(progress -> !progress.met()).toList();
  }
}
