package io.partnerflow.app.enablement.certification;

import java.time.Instant;

/**
 * A certificate a person holds, with the names of its certification and its holder for display.
 *
 * @param verificationCode the random code of the public page {@code /verify/{code}}
 * @param renewedById the certificate that replaced this one, or null
 */
public record Certificate(
    long id,
    long certificationId,
    String certificationCode,
    String certificationNameEn,
    String certificationNameZh,
    long userId,
    String holderName,
    long partnerId,
    String verificationCode,
    Instant issuedAt,
    Instant expiresAt,
    CertificateStatus status,
    Long renewedById) {

  /** Whether it counts at the given moment: status VALID and the expiry not reached. */
  public boolean validAt(Instant now) {
    return status == CertificateStatus.VALID && expiresAt.isAfter(now);
  }
}
