package io.partnerflow.app.security.throttle;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/**
 * The login was refused unchecked: too many failures for this username or from this address. Said
 * the same way for usernames that exist and that do not.
 */
public class LoginBlockedException extends AuthenticationException {

  private final Instant until;

  public LoginBlockedException(Instant until) {
    super("Too many failed logins; try again after " + until);
    this.until = until;
  }

  public Instant until() {
    return until;
  }
}
