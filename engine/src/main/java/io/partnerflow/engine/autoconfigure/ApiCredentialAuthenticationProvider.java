package io.partnerflow.engine.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Accepts exactly the configured engine API credential (constant-time comparison). */
class ApiCredentialAuthenticationProvider implements AuthenticationProvider {

  private final EngineProperties.Api api;

  ApiCredentialAuthenticationProvider(EngineProperties.Api api) {
    this.api = api;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? "" : credentials.toString();
    boolean userMatches = equal(username, api.getUsername());
    boolean passwordMatches = equal(password, api.getPassword());
    if (!(userMatches && passwordMatches)) {
      throw new BadCredentialsException("Bad engine API credential");
    }
    return UsernamePasswordAuthenticationToken.authenticated(
        username, null, List.of(new SimpleGrantedAuthority("ENGINE_API")));
  }

  private static boolean equal(String given, String expected) {
    return expected != null
        && MessageDigest.isEqual(
            String.valueOf(given).getBytes(StandardCharsets.UTF_8),
            expected.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
