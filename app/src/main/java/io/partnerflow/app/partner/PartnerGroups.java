package io.partnerflow.app.partner;

import io.partnerflow.app.security.PortalRole;

/**
 * The candidate groups that address a partner organisation's users in process models. They are not
 * stored on the accounts: a partner user belongs to them through the account's partner and portal
 * roles. Models write the same names in FEEL, e.g. {@code ="partner-" + string(partnerId) +
 * "-signatory"}.
 */
public final class PartnerGroups {

  private static final String PREFIX = "partner-";

  private static final java.util.regex.Pattern PARTNER_GROUP =
      java.util.regex.Pattern.compile("partner-[0-9]+(-[a-z-]+)?");

  private PartnerGroups() {}

  /** Every user of the organisation. */
  public static String organisation(long partnerId) {
    return PREFIX + partnerId;
  }

  /** The organisation's users who may sign agreements for it. */
  public static String signatories(long partnerId) {
    return organisation(partnerId) + "-signatory";
  }

  /** The organisation's users with that portal role, e.g. {@code partner-7-sales}. */
  public static String withRole(long partnerId, PortalRole role) {
    return organisation(partnerId) + "-" + role.groupSuffix();
  }

  /**
   * Whether a group name addresses some partner organisation (staff never hold such a group): the
   * prefix and the organisation's id, so staff groups such as {@code partner-managers} are not.
   */
  public static boolean isPartnerGroup(String group) {
    return group != null && PARTNER_GROUP.matcher(group).matches();
  }
}
