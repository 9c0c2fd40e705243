package io.partnerflow.app.modeling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a model's content, to tell whether a file changed since it was deployed. */
final class ContentHash {

  private ContentHash() {}

  static String of(String content) {
    return of(content.getBytes(StandardCharsets.UTF_8));
  }

  static String of(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
