package io.partnerflow.app.partner;

/** How a partner works with us; also the partner-type field of the application form. */
public enum PartnerType {
  RESELLER,
  TECHNOLOGY,
  REFERRAL,
  DISTRIBUTOR,
  MARKETPLACE
}
