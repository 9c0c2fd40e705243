package io.partnerflow.app.qbr;

import java.time.Instant;
import java.util.List;

/**
 * A review as a partner user sees it: targets, actuals, its own self-assessment, the agreed actions
 * and the status. Scores, the total and the manager's notes stay internal (they are the manager's
 * assessment for the channel team; the partner hears the outcome in the meeting and sees the agreed
 * actions).
 */
public record PartnerReview(
    long id,
    QuarterTarget target,
    QuarterlyReview.Actuals actuals,
    String selfAssessment,
    ReviewStatus status,
    Instant opensAt,
    Instant missedAt,
    List<ReviewAction> actions) {

  static PartnerReview of(QuarterlyReview review, List<ReviewAction> actions) {
    return new PartnerReview(
        review.id(),
        review.target(),
        review.actuals(),
        review.selfAssessment(),
        review.status(),
        review.opensAt(),
        review.missedAt(),
        actions);
  }

  public String quarter() {
    return target.quarter();
  }
}
