package io.partnerflow.app.partner;

/**
 * A person at a partner organisation.
 *
 * @param role what the person does for the partner (free text), or null
 * @param primary the partner's main contact (at most one per partner)
 */
public record PartnerContact(
    String name, String email, String phone, String role, boolean primary) {

  /** The main contact, as the application form names it. */
  public static PartnerContact primary(String name, String email, String phone) {
    return new PartnerContact(name, email, phone, null, true);
  }
}
