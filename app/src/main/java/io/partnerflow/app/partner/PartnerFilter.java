package io.partnerflow.app.partner;

/**
 * Search criteria; every null criterion matches all.
 *
 * @param text part of the name or website, case-insensitive
 * @param country ISO 3166-1 alpha-2 code
 */
public record PartnerFilter(
    String text, PartnerType type, PartnerTier tier, PartnerStatus status, String country) {

  public static PartnerFilter all() {
    return new PartnerFilter(null, null, null, null, null);
  }

  public PartnerFilter withText(String value) {
    return new PartnerFilter(value, type, tier, status, country);
  }

  public PartnerFilter withType(PartnerType value) {
    return new PartnerFilter(text, value, tier, status, country);
  }

  public PartnerFilter withTier(PartnerTier value) {
    return new PartnerFilter(text, type, value, status, country);
  }

  public PartnerFilter withStatus(PartnerStatus value) {
    return new PartnerFilter(text, type, tier, value, country);
  }

  public PartnerFilter withCountry(String value) {
    return new PartnerFilter(text, type, tier, status, value);
  }
}
