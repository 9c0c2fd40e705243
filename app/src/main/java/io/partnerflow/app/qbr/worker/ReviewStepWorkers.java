package io.partnerflow.app.qbr.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.qbr.QuarterTarget;
import io.partnerflow.app.qbr.ReviewSteps;
import io.partnerflow.app.qbr.ScheduledReview;
import io.partnerflow.app.security.SystemIdentity;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The automatic steps of bpmn/quarterly-business-review.bpmn, one job type each: {@code
 * qbr-schedule} (records the quarter's review, gives the timers' dates {@code opensAt} and {@code
 * missedAt}), {@code qbr-collect-actuals} (opens it with the certified people counted) and {@code
 * qbr-escalate} (a missed review: notices to the team leads). Each is idempotent.
 */
@Component
// public: the Camunda SDK invokes the worker methods reflectively
public class ReviewStepWorkers {

  private final ReviewSteps steps;

  ReviewStepWorkers(ReviewSteps steps) {
    this.steps = steps;
  }

  @JobWorker(
      type = "qbr-schedule",
      fetchVariables = {
        "partnerId",
        "planId",
        "planVersion",
        "target",
        "daysBeforeQuarterEnd",
        "missedAfterDays"
      })
  public Map<String, Object> schedule(
      @Variable Long partnerId,
      @Variable Long planId,
      @Variable Integer planVersion,
      @Variable Map<String, Object> target,
      @Variable Integer daysBeforeQuarterEnd,
      @Variable Integer missedAfterDays,
      @ProcessInstanceKey long processInstanceKey) {
    if (partnerId == null || planId == null || planVersion == null || target == null) {
      throw new IllegalStateException(
          "The review instance lacks partnerId, planId, planVersion or target");
    }
    QuarterTarget quarter = target(target);
    ScheduledReview scheduled =
        SystemIdentity.call(
            () ->
                steps.schedule(
                    partnerId,
                    planId,
                    planVersion,
                    quarter,
                    daysBeforeQuarterEnd == null ? 14 : daysBeforeQuarterEnd,
                    missedAfterDays == null ? 14 : missedAfterDays,
                    processInstanceKey));
    return Map.of(
        "reviewId", scheduled.reviewId(),
        "opensAt", scheduled.opensAt().toString(),
        "missedAt", scheduled.missedAt().toString());
  }

  @JobWorker(
      type = "qbr-collect-actuals",
      fetchVariables = {"reviewId"})
  public void collectActuals(@Variable Long reviewId) {
    long id = requireReview(reviewId);
    SystemIdentity.call(
        () -> {
          steps.open(id);
          return null;
        });
  }

  @JobWorker(
      type = "qbr-escalate",
      fetchVariables = {"reviewId"})
  public void escalate(@Variable Long reviewId) {
    long id = requireReview(reviewId);
    SystemIdentity.call(
        () -> {
          steps.escalate(id);
          return null;
        });
  }

  private static long requireReview(Long reviewId) {
    if (reviewId == null) {
      throw new IllegalStateException("The review instance has no reviewId yet");
    }
    return reviewId;
  }

  /** The quarter's target as the process holds it (numbers may arrive as any JSON number). */
  static QuarterTarget target(Map<String, Object> target) {
    return new QuarterTarget(
        String.valueOf(target.get("quarter")),
        ((Number) target.get("newCustomers")).intValue(),
        new BigDecimal(String.valueOf(target.get("revenue"))),
        String.valueOf(target.get("currency")),
        ((Number) target.get("certifiedPeople")).intValue());
  }
}
