package io.partnerflow.app.recruitment.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The applicants' status-page secrets: 128 random bits as unpadded URL-safe base64, stored only as
 * their SHA-256.
 */
final class ApplicationTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{22}$");

  private ApplicationTokens() {}

  static String generate() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored of a token: its SHA-256 as hex (the token itself never is). */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the text can be a token at all: checked before any database look-up. */
  static boolean isWellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }
}
