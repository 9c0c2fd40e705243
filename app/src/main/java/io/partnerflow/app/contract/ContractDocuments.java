package io.partnerflow.app.contract;

import java.util.List;

/** Renders, stores, seals and verifies contract documents. Every document belongs to a partner. */
public interface ContractDocuments {

  /** Fills the template with the partner's data, renders it to PDF and stores it. */
  StoredDocument render(ContractDraft draft);

  /**
   * Appends an evidence page listing the signatures to the stored document, seals the result with
   * the installation's key as a PDF signature and stores it as a new document of the same contract.
   */
  StoredDocument seal(long documentId, List<SignatureEvidence> evidence);

  /**
   * The stored document's description, for staff with access to its partner and the users of that
   * partner; anybody else is refused ({@code AccessDeniedException}), as is an unknown id.
   */
  StoredDocument describe(long documentId);

  /** The stored document's bytes, under the same rule as {@link #describe(long)}. */
  byte[] content(long documentId);

  /** Whether an uploaded PDF is one the platform stored, unchanged. */
  SealCheck verify(byte[] pdf);
}
