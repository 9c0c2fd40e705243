package io.partnerflow.app.enablement.learning;

import java.util.List;

/** A person's courses with their progress. */
public record PersonProgress(long userId, String displayName, List<CourseProgress> courses) {

  public PersonProgress {
    courses = List.copyOf(courses);
  }

  public long passed() {
    return courses.stream().filter(c -> c.status() == EnrolmentStatus.PASSED).count();
  }

  public long failed() {
    return courses.stream().filter(c -> c.status() == EnrolmentStatus.FAILED).count();
  }

  /** Whether every course is finished (passed or failed). */
  public boolean complete() {
    return courses.stream().allMatch(c -> c.status().finished());
  }
}
