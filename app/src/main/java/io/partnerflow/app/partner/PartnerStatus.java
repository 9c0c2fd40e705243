package io.partnerflow.app.partner;

/**
 * Where a partner stands in the relationship. New partners start as {@link #ONBOARDING}; the
 * onboarding process (bpmn/partner-onboarding.bpmn) moves them on until {@link #ACTIVE}.
 */
public enum PartnerStatus {
  /** Approved; the onboarding process has started. */
  ONBOARDING,
  /** The partner agreement is out for signature. */
  CONTRACT_PENDING,
  /** Onboarding stopped before the partner became active (e.g. the contract was cancelled). */
  ONBOARDING_CANCELLED,
  ACTIVE,
  SUSPENDED,
  TERMINATED
}
