package io.partnerflow.app.partner;

/** Where a partner stands in the relationship. New partners start as {@link #PROSPECT}. */
public enum PartnerStatus {
  /** Approved, onboarding (contract, training) not finished. */
  PROSPECT,
  ACTIVE,
  SUSPENDED,
  TERMINATED
}
