package io.partnerflow.app.contract;

import java.time.LocalDate;

/**
 * A partner agreement as the contract-signing process prepares it.
 *
 * @param processInstanceKey the contract-signing instance that prepares it
 * @param renewalOf the contract it renews, or null
 * @param currentDocumentId the document shown for signing now, null until rendered
 * @param currentDocumentSha256 its SHA-256 (hex), what a signer must have been shown
 * @param sealedDocumentId the sealed document once signed and countersigned, or null
 * @param endsOn the last day of the term, set when the contract comes into force
 */
public record Contract(
    long id,
    long partnerId,
    long processInstanceKey,
    Long renewalOf,
    String templateId,
    boolean countersignatureRequired,
    int termMonths,
    String language,
    ContractStatus status,
    Long currentDocumentId,
    String currentDocumentSha256,
    Long sealedDocumentId,
    LocalDate effectiveOn,
    LocalDate endsOn,
    String declineReason,
    String changeRequest) {}
