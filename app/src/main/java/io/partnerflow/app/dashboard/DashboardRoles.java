package io.partnerflow.app.dashboard;

/** Who may read the dashboards (one place for the role lists of {@code @Secured}). */
final class DashboardRoles {

  static final String ADMIN = "ROLE_ADMIN";
  static final String MANAGER = "ROLE_PARTNER_MANAGER";
  static final String LEGAL = "ROLE_LEGAL";
  static final String ENABLEMENT = "ROLE_ENABLEMENT";

  /** The group of the partner managers' team leads, who see the whole channel. */
  static final String TEAM_LEADS = "partner-manager-leads";

  private DashboardRoles() {}
}
