package io.partnerflow.app.qbr;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An approved version of a joint business plan, as the quarterly reviews need it: one review per
 * quarter of {@code targets}.
 *
 * @param partnerId the partner the plan is agreed with
 * @param planId the plan (stable across its versions)
 * @param planVersion the approved version (1, 2, ...); a higher version replaces a lower one's
 *     reviews
 * @param planStart the first day the plan applies
 * @param targets what the partner aims for in each quarter, one entry per quarter
 */
public record PlanForReview(
    long partnerId,
    long planId,
    int planVersion,
    LocalDate planStart,
    List<QuarterTarget> targets) {

  public PlanForReview {
    Objects.requireNonNull(planStart, "planStart");
    targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
    if (partnerId <= 0 || planId <= 0 || planVersion <= 0) {
      throw new IllegalArgumentException("partnerId, planId and planVersion must be positive");
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("A plan for review needs at least one quarter's target");
    }
    if (targets.stream().map(QuarterTarget::quarter).distinct().count() != targets.size()) {
      throw new IllegalArgumentException("A quarter appears twice in the plan's targets");
    }
  }
}
