package io.partnerflow.app.enablement.learning.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.PortalMember;
import io.partnerflow.app.security.PortalMembers;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code enablement-requirement} (the spine's "Check whether training comes first"):
 * {@code requiredBeforeActive} is true when the learning plan of any of the organisation's users
 * says its courses come before the partner is active.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class EnablementRequirementWorker {

  private final PartnerService partners;
  private final PortalMembers members;
  private final LearningPlans plans;

  EnablementRequirementWorker(PartnerService partners, PortalMembers members, LearningPlans plans) {
    this.partners = partners;
    this.members = members;
    this.plans = plans;
  }

  @JobWorker(
      type = "enablement-requirement",
      fetchVariables = {"partnerId"})
  public Map<String, Object> check(@Variable Long partnerId) {
    if (partnerId == null) {
      throw new IllegalStateException("enablement-requirement needs the variable partnerId");
    }
    boolean before =
        SystemIdentity.call(
            () -> {
              Partner partner = partners.findById(partnerId).orElseThrow();
              return members.ofPartner(partnerId).stream()
                  .filter(member -> member.state() != PortalMember.State.DISABLED)
                  .anyMatch(
                      member -> plans.planFor(partner, member.roles()).requiredBeforeActive());
            });
    return Map.of("requiredBeforeActive", before);
  }
}
