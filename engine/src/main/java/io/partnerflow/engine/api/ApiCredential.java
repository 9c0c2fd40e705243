package io.partnerflow.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The one credential that may call /v2 (HTTP Basic). Used by Spring Security's chain for /v2 and by
 * {@link HotPathFilter}, which answers the busiest endpoints before that chain.
 */
public final class ApiCredential {

  private final byte[] username;
  private final byte[] password;

  /** Without a username or password nothing is accepted. */
  private final boolean configured;

  public ApiCredential(String username, String password) {
    this.username = bytes(username);
    this.password = bytes(password);
    this.configured = username != null && !username.isEmpty() && password != null;
  }

  /** Constant-time comparison of both parts, so that timing tells nothing about either. */
  public boolean matches(String givenUsername, String givenPassword) {
    boolean userMatches = MessageDigest.isEqual(bytes(givenUsername), username);
    boolean passwordMatches = MessageDigest.isEqual(bytes(givenPassword), password);
    return configured && userMatches && passwordMatches;
  }

  /**
   * Whether an {@code Authorization} header carries this credential, read as Spring Security's
   * Basic filter reads it: scheme case-insensitive, Base64 of {@code user:password} in UTF-8.
   */
  public boolean acceptsAuthorization(String header) {
    if (header == null) {
      return false;
    }
    String value = header.trim();
    if (value.length() <= 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String token;
    try {
      token = new String(Base64.getDecoder().decode(value.substring(6)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    int colon = token.indexOf(':');
    return colon >= 0 && matches(token.substring(0, colon), token.substring(colon + 1));
  }

  private static byte[] bytes(String value) {
    return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
  }
}
