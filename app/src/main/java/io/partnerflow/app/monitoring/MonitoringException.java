package io.partnerflow.app.monitoring;

/** A refusal the user can act on; the message is a translation key, the detail the engine's. */
public class MonitoringException extends RuntimeException {

  private final String detail;

  public MonitoringException(String messageKey, String detail, Throwable cause) {
    super(messageKey, cause);
    this.detail = detail;
  }

  public String messageKey() {
    return getMessage();
  }

  public String detail() {
    return detail;
  }
}
