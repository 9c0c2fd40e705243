package io.partnerflow.app.dashboard;

/** One step of the recruitment funnel, in the order applications pass them. */
public enum FunnelStage {
  /** Submitted in the period. */
  APPLIED,
  /** Passed the compliance screening and went to review. */
  SCREENED,
  /** A partner manager decided (approved or rejected). */
  REVIEWED,
  APPROVED,
  /** The partner agreement came into force (signed, countersigned, sealed). */
  CONTRACT_SIGNED,
  /** The partner became active. */
  ACTIVE
}
