package io.partnerflow.app.recruitment.application;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the sender's IP address into a keyed hash (HMAC-SHA256): enough to count applications per
 * address, while the address itself is never stored.
 */
final class AddressHasher {

  private final String salt;
  private final Supplier<byte[]> installationSecret;
  private volatile byte[] key;

  /**
   * @param salt the configured salt; blank: the installation's stored secret, read on first use
   *     (the database is migrated by then)
   */
  AddressHasher(String salt, Supplier<byte[]> installationSecret) {
    this.salt = salt;
    this.installationSecret = installationSecret;
  }

  private byte[] key() {
    byte[] known = key;
    if (known == null) {
      known =
          salt == null || salt.isBlank()
              ? installationSecret.get()
              : salt.getBytes(StandardCharsets.UTF_8);
      key = known;
    }
    return known;
  }

  /** The hash as 64 hex digits; an unknown address counts as one shared "unknown" sender. */
  String hash(String address) {
    String text = address == null || address.isBlank() ? "unknown" : address.strip();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
