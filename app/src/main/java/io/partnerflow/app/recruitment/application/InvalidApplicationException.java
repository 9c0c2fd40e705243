package io.partnerflow.app.recruitment.application;

import io.partnerflow.app.form.FieldError;
import java.util.List;

/** A submission the server refused: the field errors say why; nothing was stored or started. */
public class InvalidApplicationException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidApplicationException(List<FieldError> errors) {
    super("Invalid submission: " + errors.size() + " field error(s)");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
