package io.partnerflow.app.recruitment.application;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** The applicants' status-page secrets: 128 random bits as unpadded URL-safe base64. */
final class ApplicationTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{22}$");

  private ApplicationTokens() {}

  static String generate() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text can be a token at all: checked before any database look-up. */
  static boolean isWellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }
}
