package io.partnerflow.app.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt that never accepts a password beyond its 72 bytes: encoding one is a policy violation
 * (checked before, so a clear message reaches the person), and at login it simply does not match —
 * otherwise anything sharing the first 72 bytes of a stored password would log in.
 */
final class Bcrypt72PasswordEncoder implements PasswordEncoder {

  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

  @Override
  public String encode(CharSequence rawPassword) {
    if (PasswordPolicy.tooLongForBcrypt(rawPassword)) {
      throw new PasswordPolicyException(PasswordPolicy.Violation.TOO_LONG);
    }
    return bcrypt.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || PasswordPolicy.tooLongForBcrypt(rawPassword)) {
      return false;
    }
    return bcrypt.matches(rawPassword, encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return bcrypt.upgradeEncoding(encodedPassword);
  }
}
