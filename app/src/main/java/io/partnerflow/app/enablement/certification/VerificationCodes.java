package io.partnerflow.app.enablement.certification;

import java.security.SecureRandom;

/**
 * Verification codes of certificates: 26 characters of base32 from {@link SecureRandom} (130 bits),
 * so no code can be guessed or derived from another; nothing of the id is in them.
 */
final class VerificationCodes {

  static final int LENGTH = 26;

  // base32 without 0/1/8/9 lookalikes: letters and digits people can read back from paper
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCodes() {}

  static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /** Whether the text has the form of a code (checked before any lookup). */
  static boolean wellFormed(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
        return false;
      }
    }
    return true;
  }
}
