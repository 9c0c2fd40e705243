package io.partnerflow.app.recruitment.application;

/**
 * Where an application stands, as the applicant sees it on the status page. The process moves it on
 * through {@link ApplicationService#recordStatus}; every change is kept in the history.
 */
public enum ApplicationStatus {
  /** Stored; the recruitment process is started (or its start is being retried). */
  SUBMITTED,
  /** Scored and screened by the process. */
  SCREENING,
  /** A partner manager reviews it. */
  IN_REVIEW,
  /** The applicant is asked for more information on the status page. */
  INFORMATION_REQUESTED,
  APPROVED,
  REJECTED,
  /** Stopped by the compliance screening. */
  BLOCKED,
  /** Closed without a decision, e.g. an information request left unanswered. */
  WITHDRAWN;

  /** Whether the application is closed: nothing moves it on any more. */
  public boolean isFinal() {
    return this == APPROVED || this == REJECTED || this == BLOCKED || this == WITHDRAWN;
  }
}
