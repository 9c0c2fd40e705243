package io.partnerflow.app.contract.document;

import io.partnerflow.app.contract.SealCheck;
import io.partnerflow.app.contract.StoredDocument;
import java.util.List;

/**
 * The verdict on an uploaded PDF with, for staff only, what it was recognised as: the sealed
 * document it equals, or the stored contract numbers it names. A partner user gets the verdict
 * alone, so that verification reveals nothing about other partners' contracts.
 */
public record Verification(
    SealCheck verdict, StoredDocument document, List<String> contractNumbers) {

  public Verification {
    contractNumbers = List.copyOf(contractNumbers);
  }

  Verification verdictOnly() {
    return new Verification(verdict, null, List.of());
  }
}
