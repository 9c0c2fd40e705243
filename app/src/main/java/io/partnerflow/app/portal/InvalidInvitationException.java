package io.partnerflow.app.portal;

import java.util.Map;

/** The invitation was not sent: the message key of what is wrong, per field. */
public class InvalidInvitationException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidInvitationException(Map<String, String> errors) {
    super("The invitation is not valid: " + errors);
    this.errors = Map.copyOf(errors);
  }

  /** Field ({@code name}, {@code email}, {@code role}) to message key. */
  public Map<String, String> errors() {
    return errors;
  }
}
