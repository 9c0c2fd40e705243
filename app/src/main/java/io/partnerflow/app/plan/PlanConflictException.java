package io.partnerflow.app.plan;

import java.time.Instant;

/**
 * A save that read an older version of the draft than the one stored: somebody else saved in
 * between. Nothing was written; the caller still holds its input and may reload or save it again
 * over the newer version.
 */
public class PlanConflictException extends RuntimeException {

  private final String changedBy;
  private final Instant changedAt;
  private final int currentLockVersion;

  PlanConflictException(String changedBy, Instant changedAt, int currentLockVersion) {
    super("The plan was changed by " + changedBy + " at " + changedAt);
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.currentLockVersion = currentLockVersion;
  }

  public String changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt;
  }

  /** The lock to name when the user chooses to keep their own input. */
  public int currentLockVersion() {
    return currentLockVersion;
  }
}
