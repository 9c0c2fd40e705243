package io.partnerflow.app.enablement.certification;

import java.time.Instant;

/**
 * All the public page {@code /verify/{code}} shows of a certificate: no ids, no organisation, no
 * other certificate.
 */
public record PublicCertificate(
    String holderName,
    String certificationNameEn,
    String certificationNameZh,
    Instant issuedAt,
    Instant expiresAt,
    State state) {

  /** What the page confirms. */
  public enum State {
    /** Valid now. */
    VALID,
    /** Its period ended without a renewal (lapsed, or the expiry passed). */
    EXPIRED,
    /** Replaced by a renewed certificate with a code of its own. */
    RENEWED,
    /** Withdrawn. */
    REVOKED
  }
}
