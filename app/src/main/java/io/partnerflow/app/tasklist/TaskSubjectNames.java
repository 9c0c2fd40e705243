package io.partnerflow.app.tasklist;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Whom tasks are about (company or partner name) by process instance, for notices. */
@Component
public class TaskSubjectNames {

  private final TaskSubjects subjects;

  TaskSubjectNames(TaskSubjects subjects) {
    this.subjects = subjects;
  }

  public Map<Long, String> namesOf(Collection<Long> instanceKeys) {
    return subjects.namesOf(instanceKeys);
  }
}
