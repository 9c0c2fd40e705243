package io.partnerflow.app.form.upload;

import java.util.Optional;

/**
 * Who may put files into a task's form and read them back, answered by the task list (which knows
 * tasks and their candidates) for the logged-in user.
 */
public interface FormFileAccess {

  /** The process instance of the open task, when the current user may work that task. */
  Optional<Long> instanceOfWorkableTask(long taskKey);

  /** Whether the current user may work an open task of the process instance. */
  boolean maySeeInstance(long processInstanceKey);
}
