package io.partnerflow.engine.autoconfigure;

import io.partnerflow.engine.api.ApiCredential;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Accepts exactly the configured engine API credential. */
class ApiCredentialAuthenticationProvider implements AuthenticationProvider {

  private final ApiCredential credential;

  ApiCredentialAuthenticationProvider(ApiCredential credential) {
    this.credential = credential;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object password = authentication.getCredentials();
    if (!credential.matches(username, password == null ? "" : password.toString())) {
      throw new BadCredentialsException("Bad engine API credential");
    }
    return UsernamePasswordAuthenticationToken.authenticated(
        username, null, List.of(new SimpleGrantedAuthority("ENGINE_API")));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
