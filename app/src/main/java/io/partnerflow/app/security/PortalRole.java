package io.partnerflow.app.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a partner user does for their organisation in the portal, beside role {@link Role#PARTNER}.
 * Each portal role makes the user a member of the candidate group {@code
 * partner-<partnerId>-<role>} (see {@code partner.PartnerGroups}), so process models can address,
 * e.g., the organisation's signatories.
 */
public enum PortalRole {
  /** The contact invited on approval: invites colleagues. */
  MAIN_CONTACT,
  /** May sign agreements for the organisation. */
  SIGNATORY,
  /** Works deals and joint business plans. */
  SALES,
  /** Takes technical training and certification. */
  TECHNICAL;

  /** The roles the main contact may give a colleague. */
  public static Set<PortalRole> forColleagues() {
    return EnumSet.of(SIGNATORY, SALES, TECHNICAL);
  }

  /** The last part of the role's candidate group: {@code main-contact}, {@code signatory}, ... */
  public String groupSuffix() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
