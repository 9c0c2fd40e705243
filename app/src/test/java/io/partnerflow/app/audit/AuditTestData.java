package io.partnerflow.app.audit;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Helpers for audit tests sharing one database with every other test. */
public final class AuditTestData {

  private AuditTestData() {}

  public static void actAs(String username, String... authorities) {
    var granted = Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(username, null, granted));
  }

  public static void actAsAdmin() {
    actAs("admin", "ROLE_ADMIN");
  }

  /** An id nobody else's entries use. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A partner id or process instance key no real entry links to. */
  public static long uniqueKey() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L);
  }
}
