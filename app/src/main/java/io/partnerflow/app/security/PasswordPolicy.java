package io.partnerflow.app.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password a person chooses must be: at least {@link #MINIMUM_LENGTH} characters and at most
 * {@link #MAXIMUM_BYTES} bytes in UTF-8 — BCrypt reads no further, so a longer one would be cut
 * silently (25 Chinese characters already fill it). The invitation form, the initial administrator
 * and the login all apply it.
 */
public final class PasswordPolicy {

  /** Shortest password a person may choose, in characters. */
  public static final int MINIMUM_LENGTH = 12;

  /** Longest password BCrypt hashes whole, in UTF-8 bytes. */
  public static final int MAXIMUM_BYTES = 72;

  /** Why a password is refused. */
  public enum Violation {
    TOO_SHORT,
    TOO_LONG
  }

  private PasswordPolicy() {}

  /** The violation, or empty when the password may be used. */
  public static Optional<Violation> check(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
      return Optional.of(Violation.TOO_SHORT);
    }
    if (tooLongForBcrypt(password)) {
      return Optional.of(Violation.TOO_LONG);
    }
    return Optional.empty();
  }

  /**
   * @throws PasswordPolicyException when the password violates the policy
   */
  public static void require(String password) {
    check(password)
        .ifPresent(
            violation -> {
              throw new PasswordPolicyException(violation);
            });
  }

  static boolean tooLongForBcrypt(CharSequence password) {
    return password.toString().getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES;
  }

  /** A sentence for logs and start-up failures (the UI has its own translations). */
  public static String explain(Violation violation) {
    return switch (violation) {
      case TOO_SHORT -> "it is shorter than %d characters".formatted(MINIMUM_LENGTH);
      case TOO_LONG ->
          ("it is longer than %d bytes in UTF-8, the most BCrypt reads (at most 72 Latin letters"
                  + " or 24 Chinese characters)")
              .formatted(MAXIMUM_BYTES);
    };
  }
}
