package io.partnerflow.app.contract;

import java.time.LocalDate;

/**
 * What to render: the template the decision table chose, for one partner's contract, in the
 * partner's language ({@code en} or {@code zh}). The document service fills the placeholders from
 * the partner's own record.
 */
public record ContractDraft(
    long partnerId,
    long contractId,
    String templateId,
    String language,
    int termMonths,
    LocalDate effectiveOn) {}
