package io.partnerflow.app.enablement.certification;

/** Where a certificate stands (column {@code app.certificate.status}). */
public enum CertificateStatus {
  /** Issued and not ended; valid while its expiry lies ahead. */
  VALID,
  /** Reached its expiry without a renewal. */
  LAPSED,
  /** Replaced by a newer certificate ({@link Certificate#renewedById()}) before it expired. */
  RENEWED,
  /** Withdrawn by staff. */
  REVOKED
}
