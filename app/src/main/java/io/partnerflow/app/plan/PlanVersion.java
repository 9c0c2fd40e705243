package io.partnerflow.app.plan;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a partner's plan.
 *
 * @param lockVersion the optimistic lock: a save names the one it read
 * @param reviewComments the manager's comments per section from the last return
 * @param reviewApproved the manager approved the content; the sign-offs follow
 */
public record PlanVersion(
    long id,
    long planId,
    long partnerId,
    int versionNo,
    PlanStatus status,
    PlanContent content,
    Map<PlanSection, String> reviewComments,
    boolean reviewApproved,
    int lockVersion,
    Long processInstanceKey,
    String updatedBy,
    Instant updatedAt,
    Instant submittedAt,
    String partnerSignedBy,
    Instant partnerSignedAt,
    String managerSignedBy,
    Instant managerSignedAt,
    Instant approvedAt) {

  public PlanVersion {
    reviewComments = Map.copyOf(reviewComments);
  }

  /** What a partner user may see: not which staff member signed or edited. */
  PlanVersion forPartner() {
    return new PlanVersion(
        id,
        planId,
        partnerId,
        versionNo,
        status,
        content,
        reviewComments,
        reviewApproved,
        lockVersion,
        null,
        updatedBy,
        updatedAt,
        submittedAt,
        partnerSignedBy,
        partnerSignedAt,
        managerSignedBy == null ? null : "",
        managerSignedAt,
        approvedAt);
  }
}
