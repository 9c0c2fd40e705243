package io.partnerflow.app.partner;

/**
 * The candidate groups that address a partner organisation's users in process models. They are not
 * stored on the accounts: a partner user belongs to them through the account's partner and portal
 * roles. Models write the same names in FEEL, e.g. {@code ="partner-" + string(partnerId) +
 * "-signatory"}.
 */
public final class PartnerGroups {

  private static final String PREFIX = "partner-";

  private PartnerGroups() {}

  /** Every user of the organisation. */
  public static String organisation(long partnerId) {
    return PREFIX + partnerId;
  }

  /** The organisation's users who may sign agreements for it. */
  public static String signatories(long partnerId) {
    return organisation(partnerId) + "-signatory";
  }

  /**
   * Whether a group name addresses some partner organisation (staff never hold such a group): the
   * prefix followed by the partner's id, so staff groups such as {@code partner-managers} are not.
   */
  public static boolean isPartnerGroup(String group) {
    return group != null
        && group.length() > PREFIX.length()
        && group.startsWith(PREFIX)
        && Character.isDigit(group.charAt(PREFIX.length()));
  }
}
