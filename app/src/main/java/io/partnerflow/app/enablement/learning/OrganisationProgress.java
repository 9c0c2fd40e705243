package io.partnerflow.app.enablement.learning;

import java.util.List;

/** An organisation's learning: per person their courses, and the totals. */
public record OrganisationProgress(long partnerId, List<PersonProgress> people) {

  public OrganisationProgress {
    people = List.copyOf(people);
  }

  public long courses() {
    return people.stream().mapToLong(p -> p.courses().size()).sum();
  }

  public long passed() {
    return people.stream().mapToLong(PersonProgress::passed).sum();
  }

  public int percentPassed() {
    long courses = courses();
    return courses == 0 ? 0 : (int) (passed() * 100 / courses);
  }
}
