package io.partnerflow.app.contract;

/** In which capacity a contract was signed. */
public enum SignerRole {
  /** The partner's signatory, in the portal. */
  PARTNER,
  /** A member of group {@code legal}, countersigning for the vendor. */
  LEGAL,
  /** The platform, countersigning where the decision table requires no person. */
  PLATFORM
}
