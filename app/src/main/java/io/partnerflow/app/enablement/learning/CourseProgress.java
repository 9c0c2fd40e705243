package io.partnerflow.app.enablement.learning;

/**
 * One enrolment as a line of progress: the course version's title, status and modules done.
 *
 * @param modulesTotal the modules of the version the person is enrolled on
 */
public record CourseProgress(
    long enrolmentId,
    long userId,
    String courseCode,
    int version,
    String titleEn,
    String titleZh,
    Integer estimatedMinutes,
    EnrolmentStatus status,
    int modulesDone,
    int modulesTotal) {

  /**
   * Percent complete: the modules count, the quiz is the last step (a passed course is 100, a
   * failed one shows how far it got).
   */
  public int percent() {
    if (status == EnrolmentStatus.PASSED) {
      return 100;
    }
    int steps = modulesTotal + 1;
    return Math.min(100, modulesDone * 100 / steps);
  }

  public String title(boolean chinese) {
    return chinese && titleZh != null && !titleZh.isBlank() ? titleZh : titleEn;
  }
}
