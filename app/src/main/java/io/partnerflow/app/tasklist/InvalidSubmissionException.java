package io.partnerflow.app.tasklist;

import io.partnerflow.app.form.FieldError;
import java.util.List;

/** A submission the task's form does not accept; nothing was sent to the engine. */
public class InvalidSubmissionException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidSubmissionException(List<FieldError> errors) {
    super("The submission does not pass the task's form: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
