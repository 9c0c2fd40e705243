package io.partnerflow.app.security.throttle;

import java.util.Locale;

/**
 * Whose failures are counted: a username as typed or a client address (failed logins), or a client
 * address looking up codes on a public page (unknown certificate verification codes).
 */
public record LoginSubject(Kind kind, String value) {

  public enum Kind {
    ACCOUNT,
    ADDRESS,
    LOOKUP
  }

  /** Usernames are compared as the login compares them: trimmed, lower case. */
  static LoginSubject account(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return new LoginSubject(Kind.ACCOUNT, name.length() > 320 ? name.substring(0, 320) : name);
  }

  static LoginSubject address(String address) {
    return new LoginSubject(Kind.ADDRESS, address == null ? "unknown" : address);
  }

  static LoginSubject lookup(String address) {
    return new LoginSubject(Kind.LOOKUP, address == null ? "unknown" : address);
  }
}
