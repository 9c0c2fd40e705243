package io.partnerflow.app.security;

/**
 * What a user may do in Partnerflow. Spring Security sees each as authority {@code ROLE_<name>}.
 */
public enum Role {
  /** Operations staff: users, models, deployments, monitoring. */
  ADMIN,
  /** Reviews applications, owns partners, plans with them. */
  PARTNER_MANAGER,
  /** Prepares and countersigns agreements. */
  LEGAL,
  /** Runs training and certification. */
  ENABLEMENT,
  /** A user of one partner organisation, in the portal. */
  PARTNER;

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
