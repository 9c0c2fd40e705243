package io.partnerflow.app.plan;

/** A step the plan's state does not allow now (e.g. editing an approved version). */
public class PlanRefusedException extends RuntimeException {

  private final String messageKey;

  PlanRefusedException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
