package io.partnerflow.app.tasklist.ui;

import io.partnerflow.app.form.FormSchemaParser;
import io.partnerflow.app.form.ui.FormRenderer;
import io.partnerflow.app.form.ui.RenderedForm;
import io.partnerflow.app.form.upload.FormFiles;
import io.partnerflow.app.form.upload.TaskUploads;
import io.partnerflow.app.tasklist.TaskDetails;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A task's form on screen: the configured renderer, with the task's place for uploaded files. */
@Component
class TaskForms {

  private final FormRenderer renderer;
  private final FormFiles files;
  private final Clock clock;
  private final FormSchemaParser parser = new FormSchemaParser();

  TaskForms(FormRenderer renderer, FormFiles files, Clock clock) {
    this.renderer = renderer;
    this.files = files;
    this.clock = clock;
  }

  /** The task's form; dates in the application clock's zone. */
  RenderedForm render(TaskDetails details, Locale locale) {
    return renderer.render(
        parser.parse(details.formSchema()),
        details.variables(),
        locale,
        clock.getZone(),
        new TaskUploads(files, details.task().key()));
  }
}
