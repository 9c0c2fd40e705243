package io.partnerflow.app.form;

/** The text is not a form-js form (malformed JSON or no components array). */
public class FormParseException extends RuntimeException {

  public FormParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
