package io.partnerflow.app.qbr;

/**
 * A review step the user cannot take as asked; {@link #messageKey()} names the message in {@code
 * i18n/qbr.properties} that the screen shows, nothing the user entered is lost.
 */
public class ReviewException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] arguments;

  public ReviewException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
