package io.partnerflow.app.contract;

import java.time.Instant;

/** A stored contract document: generated for signing, or sealed after the signatures. */
public record StoredDocument(
    long id,
    long partnerId,
    long contractId,
    Kind kind,
    String fileName,
    String templateId,
    String templateVersion,
    String language,
    String sha256,
    long size,
    Instant createdAt) {

  /** Where in the contract's life the document was made. */
  public enum Kind {
    GENERATED,
    SEALED
  }
}
