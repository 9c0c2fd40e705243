package io.partnerflow.app.security;

/** A user administration change that is refused, with a translation key for the screen. */
public class AccountChangeRefusedException extends IllegalArgumentException {

  private final String messageKey;

  AccountChangeRefusedException(String messageKey, String message) {
    super(message);
    this.messageKey = messageKey;
  }

  /** The translation key of the message for people. */
  public String messageKey() {
    return messageKey;
  }
}
