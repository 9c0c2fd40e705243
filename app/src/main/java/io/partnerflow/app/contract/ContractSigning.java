package io.partnerflow.app.contract;

/**
 * What a signer's screen calls. Each method checks on the server that the current user may work the
 * given user task (the partner's signatory for {@code sign-contract}, group {@code legal} for
 * {@code countersign-contract}) and refuses with {@code AccessDeniedException} otherwise.
 */
public interface ContractSigning {

  /** The contract behind a signing task, with the document to show and earlier signatures. */
  SigningTask open(long userTaskKey);

  /**
   * Records the signature's evidence and completes the task. Refused when consent is missing, the
   * typed name is blank, or the document shown is no longer the contract's current document.
   */
  void sign(long userTaskKey, SignatureInput input);

  /** The partner declines with a reason; the partner manager is told. */
  void decline(long userTaskKey, String reason);

  /** Legal sends the contract back to the partner manager with a comment. */
  void requestChanges(long userTaskKey, String comment);

  /** Whether the partner has a signed (and, where required, countersigned) contract in force. */
  boolean hasSignedContract(long partnerId);
}
