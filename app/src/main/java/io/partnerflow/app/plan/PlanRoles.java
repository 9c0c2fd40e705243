package io.partnerflow.app.plan;

/** The authorities the plan's service methods are open to; objects are checked again inside. */
final class PlanRoles {

  static final String PARTNER = "ROLE_PARTNER";
  static final String MANAGER = "ROLE_PARTNER_MANAGER";
  static final String ADMIN = "ROLE_ADMIN";
  static final String SYSTEM = "ROLE_SYSTEM";

  private PlanRoles() {}
}
