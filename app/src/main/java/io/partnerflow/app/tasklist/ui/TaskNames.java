package io.partnerflow.app.tasklist.ui;

import io.partnerflow.app.modeling.ProcessStepNames;
import io.partnerflow.app.tasklist.TaskSummary;
import java.util.Locale;

/** A task's step and process as people read them: the translated names, not the model's ids. */
final class TaskNames {

  private TaskNames() {}

  static String step(TaskSummary task, Locale locale) {
    return ProcessStepNames.step(task.processId(), task.elementId(), task.name(), locale);
  }

  static String process(TaskSummary task, Locale locale) {
    return ProcessStepNames.process(task.processId(), locale);
  }
}
