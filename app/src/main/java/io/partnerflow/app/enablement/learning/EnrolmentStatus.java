package io.partnerflow.app.enablement.learning;

/** Where a person is on a course. */
public enum EnrolmentStatus {
  /** enrolled, nothing opened yet */
  ASSIGNED,
  /** a module opened or the quiz started */
  IN_PROGRESS,
  /** the course's quiz passed */
  PASSED,
  /** out of quiz attempts without passing */
  FAILED;

  public boolean finished() {
    return this == PASSED || this == FAILED;
  }
}
