package io.partnerflow.app.qbr;

import io.partnerflow.app.security.SystemIdentity;

/** The authorities the review services name in {@code @Secured}. */
final class QbrRoles {

  static final String ADMIN = "ROLE_ADMIN";
  static final String MANAGER = "ROLE_PARTNER_MANAGER";
  static final String PARTNER = "ROLE_PARTNER";
  static final String SYSTEM = SystemIdentity.AUTHORITY;

  private QbrRoles() {}
}
