package io.partnerflow.app.qbr;

/** Where a quarterly review stands. */
public enum ReviewStatus {
  /** Waiting for its date (days before the quarter's end). */
  SCHEDULED,
  /** Open: the partner assesses the quarter. */
  SELF_ASSESSMENT,
  /** Open: the manager scores it and agrees actions. */
  SCORECARD,
  /** Held: scored, actions agreed. */
  COMPLETED,
  /** A newer version of the plan took over before this review was held. */
  REPLACED;

  /** Whether the review is open for work. */
  public boolean open() {
    return this == SELF_ASSESSMENT || this == SCORECARD;
  }
}
