package io.partnerflow.app.security;

/**
 * PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD violates {@link PasswordPolicy}: the platform does
 * not start (see {@link InitialAdminPasswordFailureAnalyzer} for the message).
 */
class InitialAdminPasswordException extends RuntimeException {

  private final PasswordPolicy.Violation violation;

  InitialAdminPasswordException(PasswordPolicy.Violation violation) {
    super(
        "PARTNERFLOW_SECURITY_INITIAL_ADMIN_PASSWORD is refused: "
            + PasswordPolicy.explain(violation));
    this.violation = violation;
  }

  PasswordPolicy.Violation violation() {
    return violation;
  }
}
