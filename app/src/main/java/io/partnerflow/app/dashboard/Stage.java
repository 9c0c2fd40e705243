package io.partnerflow.app.dashboard;

/** A stretch of the partner journey whose time is measured, between two recorded moments. */
public enum Stage {
  /** Submitted → in review (scoring and compliance screening). */
  SCREENING,
  /** In review → decision (approved or rejected). */
  REVIEW,
  /** Approved → agreement in force. */
  CONTRACT,
  /** Agreement in force → partner active. */
  ACTIVATION
}
