package io.partnerflow.app.plan;

import io.partnerflow.app.qbr.PlanForReview;
import io.partnerflow.app.qbr.QuarterlyReviews;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What follows once a plan version is approved and signed off by both sides: the quarterly business
 * reviews of its targets start (a newer version replaces an older one's reviews).
 */
@Component
public class PlanApproval {

  private final QuarterlyReviews reviews;

  PlanApproval(QuarterlyReviews reviews) {
    this.reviews = reviews;
  }

  /**
   * Called by the process's last step for an APPROVED version, also when the step is retried:
   * starting the reviews of one version twice changes nothing.
   */
  public void approved(PlanVersion version) {
    int year = version.content().year();
    List<io.partnerflow.app.qbr.QuarterTarget> targets =
        version.content().targets().stream()
            .map(
                target ->
                    new io.partnerflow.app.qbr.QuarterTarget(
                        year + "-Q" + target.quarter(),
                        target.newCustomers(),
                        target.revenue(),
                        target.currency(),
                        target.certifiedPeople()))
            .toList();
    reviews.startFor(
        new PlanForReview(
            version.partnerId(),
            version.planId(),
            version.versionNo(),
            LocalDate.of(year, 1, 1),
            targets));
  }
}
