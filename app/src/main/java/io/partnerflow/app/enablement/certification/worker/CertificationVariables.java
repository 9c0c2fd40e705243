package io.partnerflow.app.enablement.certification.worker;

/**
 * The variables of a certification instance its workers read (set at the start, then by the issue
 * and renew steps). Missing ones are null.
 */
public record CertificationVariables(
    Long userId,
    String username,
    Long partnerId,
    Long certificationId,
    String language,
    Long certificateId) {

  long requireUserId() {
    return require(userId, "userId");
  }

  long requirePartnerId() {
    return require(partnerId, "partnerId");
  }

  long requireCertificationId() {
    return require(certificationId, "certificationId");
  }

  long requireCertificateId() {
    return require(certificateId, "certificateId");
  }

  private static long require(Long value, String name) {
    if (value == null) {
      throw new IllegalStateException("The certification instance has no " + name);
    }
    return value;
  }
}
