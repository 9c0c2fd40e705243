package io.partnerflow.app.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What follows once a plan version is approved and signed off by both sides: the quarterly business
 * reviews for its targets start here.
 */
@Component
public class PlanApproval {

  private static final Logger log = LoggerFactory.getLogger(PlanApproval.class);

  /** Called once per version, by the process's last step, after the version was frozen. */
  public void approved(PlanVersion version) {
    log.info(
        "Business plan {} version {} of partner {} approved",
        version.planId(),
        version.versionNo(),
        version.partnerId());
  }
}
