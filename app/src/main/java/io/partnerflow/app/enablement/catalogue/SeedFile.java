package io.partnerflow.app.enablement.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of the seed folder: its name (for messages) and its bytes. */
record SeedFile(String name, byte[] content) {

  /** SHA-256 of the content: the same file imports once. */
  String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
