package io.partnerflow.app.enablement.certification;

/**
 * Something a person asked of their certification that is not possible now (not eligible yet,
 * certified already, out of exam attempts, a task that is not theirs); {@link #messageKey()} is the
 * translation key of what the page tells them.
 */
public class CertificationRefusedException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] parameters;

  public CertificationRefusedException(String messageKey, Object... parameters) {
    super(messageKey);
    this.messageKey = messageKey;
    this.parameters = parameters;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] parameters() {
    return parameters.clone();
  }
}
