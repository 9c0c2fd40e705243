package io.partnerflow.app.contract.document;

/** A template that is missing, malformed or names a placeholder nobody fills. */
public class ContractTemplateException extends RuntimeException {

  public ContractTemplateException(String message) {
    super(message);
  }

  public ContractTemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
