package io.partnerflow.app.contract;

/**
 * A signature, decline or change request the server refuses for a reason the signer can fix; the
 * message key names the reason in i18n/contract.properties.
 */
public class ContractSigningException extends RuntimeException {

  private final String messageKey;

  public ContractSigningException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}
