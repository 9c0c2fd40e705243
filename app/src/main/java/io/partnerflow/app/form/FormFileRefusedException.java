package io.partnerflow.app.form;

import java.util.List;

/**
 * An upload or download refused, with a message key of the {@code form} bundle and its arguments
 * for the user.
 */
public class FormFileRefusedException extends RuntimeException {

  private final String messageKey;
  private final List<Object> args;

  public FormFileRefusedException(String messageKey, Object... args) {
    super(messageKey);
    this.messageKey = messageKey;
    this.args = List.of(args);
  }

  public String messageKey() {
    return messageKey;
  }

  public List<Object> args() {
    return args;
  }
}
