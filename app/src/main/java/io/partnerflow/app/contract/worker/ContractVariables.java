package io.partnerflow.app.contract.worker;

/**
 * The process variables of contract-signing that its workers read. Missing ones are null.
 *
 * @param renewalOf the contract a renewal renews
 * @param templateId what the decision table chose, with countersignatureRequired and termMonths
 * @param contractId the contract, once prepared
 * @param declineReason the partner's reason, after a decline
 */
public record ContractVariables(
    Long partnerId,
    Long renewalOf,
    String templateId,
    Boolean countersignatureRequired,
    Number termMonths,
    String language,
    Long contractId,
    String declineReason,
    String changeRequest) {

  long requirePartnerId() {
    if (partnerId == null) {
      throw new IllegalStateException("The contract-signing instance has no partnerId");
    }
    return partnerId;
  }

  long requireContractId() {
    if (contractId == null) {
      throw new IllegalStateException("The contract-signing instance has no contractId yet");
    }
    return contractId;
  }
}
