package io.partnerflow.app.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Process workers act for the platform, not for a person: they call secured services as user
 * "system" with authority {@code ROLE_SYSTEM}, which services grant only what workers need.
 */
public final class SystemIdentity {

  /** The authority of process workers. */
  public static final String AUTHORITY = "ROLE_SYSTEM";

  private static final Authentication SYSTEM =
      UsernamePasswordAuthenticationToken.authenticated(
          "system", null, List.of(new SimpleGrantedAuthority(AUTHORITY)));

  private SystemIdentity() {}

  /** Runs the work as "system" and restores whatever identity the thread had. */
  public static <T> T call(Supplier<T> work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext system = SecurityContextHolder.createEmptyContext();
    system.setAuthentication(SYSTEM);
    SecurityContextHolder.setContext(system);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
