package io.partnerflow.app.security.throttle;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The app's username/password check (form login and HTTP Basic on the actuator) behind the {@link
 * LoginThrottle}: a blocked username or address is refused before the password is looked at, a
 * failure is counted, a success clears the username's count.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;

  public ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String address = address(authentication);
    throttle
        .blockedUntil(username, address)
        .ifPresent(
            until -> {
              throw new LoginBlockedException(until);
            });
    try {
      Authentication authenticated = passwords.authenticate(authentication);
      throttle.succeeded(username);
      return authenticated;
    } catch (AuthenticationException failure) {
      throttle.failed(username, address);
      throw failure;
    }
  }

  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
