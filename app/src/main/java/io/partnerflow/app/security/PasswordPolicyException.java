package io.partnerflow.app.security;

/** A chosen password violates {@link PasswordPolicy}. */
public class PasswordPolicyException extends IllegalArgumentException {

  private final PasswordPolicy.Violation violation;

  public PasswordPolicyException(PasswordPolicy.Violation violation) {
    super("The password is refused: " + PasswordPolicy.explain(violation));
    this.violation = violation;
  }

  public PasswordPolicy.Violation violation() {
    return violation;
  }
}
