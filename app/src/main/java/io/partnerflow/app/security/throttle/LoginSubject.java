package io.partnerflow.app.security.throttle;

import java.util.Locale;

/** Whose failed logins are counted: a username as typed, or a client address. */
public record LoginSubject(Kind kind, String value) {

  public enum Kind {
    ACCOUNT,
    ADDRESS
  }

  /** Usernames are compared as the login compares them: trimmed, lower case. */
  static LoginSubject account(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return new LoginSubject(Kind.ACCOUNT, name.length() > 320 ? name.substring(0, 320) : name);
  }

  static LoginSubject address(String address) {
    return new LoginSubject(Kind.ADDRESS, address == null ? "unknown" : address);
  }
}
