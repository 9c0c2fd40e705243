package io.partnerflow.app.partner;

/** Programme level, lowest first; the recruitment decision table suggests the first one. */
public enum PartnerTier {
  REGISTERED,
  SILVER,
  GOLD,
  PLATINUM
}
