package io.partnerflow.app.recruitment.worker;

import io.partnerflow.app.recruitment.application.Application;
import io.partnerflow.app.recruitment.application.ApplicationService;

/**
 * The process variables the recruitment workers read. Missing ones are null.
 *
 * @param informationRequest the reviewer's question to the applicant
 * @param tier the tier the reviewer chose (Registered, Silver, Gold, Platinum)
 * @param completedBy who completed the last human task: the reviewer at approval
 * @param partnerId the partner organisation, once created
 * @param applicantMessage what the reviewer tells a rejected applicant (optional); the internal
 *     {@code rejectionReason} is never read here, so it cannot reach the applicant
 */
public record RecruitmentVariables(
    Long applicationId,
    String informationRequest,
    String tier,
    String suggestedTier,
    Number fitScore,
    String completedBy,
    Long partnerId,
    String applicantMessage) {

  public RecruitmentVariables(
      Long applicationId,
      String informationRequest,
      String tier,
      String suggestedTier,
      Number fitScore,
      String completedBy,
      Long partnerId) {
    this(
        applicationId,
        informationRequest,
        tier,
        suggestedTier,
        fitScore,
        completedBy,
        partnerId,
        null);
  }

  /** The application the instance belongs to; a missing one fails the job (then an incident). */
  Application applicationIn(ApplicationService applications) {
    long id = requireApplicationId();
    return applications
        .find(id)
        .orElseThrow(() -> new IllegalStateException("No application " + id));
  }

  /** The id the process was started with; every recruitment instance has one. */
  public long requireApplicationId() {
    if (applicationId == null) {
      throw new IllegalStateException("The process instance has no applicationId");
    }
    return applicationId;
  }
}
