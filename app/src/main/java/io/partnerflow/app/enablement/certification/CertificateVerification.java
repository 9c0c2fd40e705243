package io.partnerflow.app.enablement.certification;

import io.partnerflow.app.security.throttle.LoginThrottle;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anybody, without logging in, learns from a verification code: the holder's name, the
 * certification, the period and whether it is valid — nothing else. Codes are 130 random bits
 * ({@link VerificationCodes}), so they cannot be guessed or counted through; a code of the wrong
 * form is answered like an unknown one without a lookup. The public page is also throttled per
 * client address ({@link LoginThrottle}): every unknown code counts, and an address that asked for
 * too many is paused before any code is checked.
 */
@Service
public class CertificateVerification {

  private final CertificateRepository certificates;
  private final LoginThrottle throttle;
  private final Clock clock;

  CertificateVerification(CertificateRepository certificates, LoginThrottle throttle, Clock clock) {
    this.certificates = certificates;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * What the public page shows for a code asked for from this client address.
   *
   * @throws CertificateLookupPausedException when the address asked for too many unknown codes
   * @throws UnknownCertificateException when no certificate has the code (counted for the address)
   */
  @Transactional(noRollbackFor = UnknownCertificateException.class)
  public PublicCertificate verify(String code, String clientAddress) {
    throttle
        .lookupBlockedUntil(clientAddress)
        .ifPresent(
            until -> {
              throw new CertificateLookupPausedException(until);
            });
    Optional<PublicCertificate> found = verify(code);
    if (found.isEmpty()) {
      throttle.lookupMissed(clientAddress);
      throw new UnknownCertificateException();
    }
    return found.get();
  }

  /** Until when lookups from this client address are refused; counts nothing. */
  public Optional<Instant> pausedUntil(String clientAddress) {
    return throttle.lookupBlockedUntil(clientAddress);
  }

  @Transactional(readOnly = true)
  public Optional<PublicCertificate> verify(String code) {
    String normalised = normalise(code);
    if (!VerificationCodes.wellFormed(normalised)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return certificates
        .findByVerificationCode(normalised)
        .map(
            certificate ->
                new PublicCertificate(
                    certificate.holderName(),
                    certificate.certificationNameEn(),
                    certificate.certificationNameZh(),
                    certificate.issuedAt(),
                    certificate.expiresAt(),
                    stateOf(certificate, now)));
  }

  private static PublicCertificate.State stateOf(Certificate certificate, Instant now) {
    return switch (certificate.status()) {
      case VALID ->
          certificate.validAt(now)
              ? PublicCertificate.State.VALID
              : PublicCertificate.State.EXPIRED;
      case LAPSED -> PublicCertificate.State.EXPIRED;
      case RENEWED -> PublicCertificate.State.RENEWED;
      case REVOKED -> PublicCertificate.State.REVOKED;
    };
  }

  /** People type codes from paper: case and the group dashes do not matter. */
  static String normalise(String code) {
    if (code == null || code.length() > 64) {
      return "";
    }
    return code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
  }
}
