package io.partnerflow.app.security;

/** Groups of staff accounts that stand for something beyond their roles. */
public final class StaffGroups {

  /**
   * The partner managers' team leads: told about overdue reviews, and they follow every manager's
   * partners (e.g. their tier progress), not only their own.
   */
  public static final String TEAM_LEADS = "partner-manager-leads";

  private StaffGroups() {}
}
