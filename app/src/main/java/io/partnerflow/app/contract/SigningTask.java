package io.partnerflow.app.contract;

import java.util.List;

/** A signing task as its screen shows it. */
public record SigningTask(
    long userTaskKey,
    long contractId,
    long partnerId,
    String partnerName,
    SignerRole signAs,
    StoredDocument document,
    List<SignatureEvidence> earlierSignatures) {

  public SigningTask {
    earlierSignatures = List.copyOf(earlierSignatures);
  }
}
