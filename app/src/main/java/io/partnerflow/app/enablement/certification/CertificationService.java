package io.partnerflow.app.enablement.certification;

import io.partnerflow.app.enablement.EnablementReaders;
import io.partnerflow.app.enablement.PartnerUsers;
import io.partnerflow.app.security.SystemIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of people: issued, renewed and lapsed by the certification process's workers (as
 * "system"), read by the people they belong to and by staff. The holder and their organisation's
 * main contact see the holder's certificates; staff see all; anybody else sees none — checked here,
 * on the server, for every call.
 */
@Service
public class CertificationService {

  private static final String PARTNER = "ROLE_PARTNER";
  private static final String SYSTEM = SystemIdentity.AUTHORITY;

  private final CertificateRepository certificates;
  private final PartnerUsers partnerUsers;
  private final CertificateAccess access;
  private final Clock clock;

  CertificationService(
      CertificateRepository certificates,
      PartnerUsers partnerUsers,
      CertificateAccess access,
      Clock clock) {
    this.partnerUsers = partnerUsers;
    this.certificates = certificates;
    this.access = access;
    this.clock = clock;
  }

  /**
   * Issues the person's certificate of the certification, valid for its {@code validity_months}
   * from now. Idempotent: a person holds at most one valid certificate per certification, and
   * issuing again (a retried job) returns the one they hold.
   */
  @Secured(SYSTEM)
  @Transactional
  public Certificate issue(long certificationId, long userId) {
    Instant now = clock.instant();
    var held = certificates.lockValid(userId, certificationId);
    if (held.isPresent()) {
      if (held.get().expiresAt().isAfter(now)) {
        return held.get();
      }
      // its lapse was not recorded yet (the process is late): it ends before a new one begins
      certificates.updateStatus(held.get().id(), CertificateStatus.LAPSED, null);
    }
    long partnerId =
        partnerUsers
            .partnerOf(userId)
            .orElseThrow(
                () -> new IllegalArgumentException("User " + userId + " is no partner user"));
    long id =
        certificates.insert(
            certificationId,
            userId,
            partnerId,
            VerificationCodes.next(),
            now,
            plusMonths(now, validityMonths(certificationId)));
    return certificates.findById(id).orElseThrow();
  }

  /**
   * Renews a certificate: a new one, valid for the certification's period from the old one's expiry
   * (renewing early loses nothing; renewing after it lapsed counts from now), and the old one
   * RENEWED, pointing at the new. Renewing a renewed certificate again (a retried job) returns the
   * one that replaced it.
   */
  @Secured(SYSTEM)
  @Transactional
  public Certificate renew(long certificateId) {
    Certificate old =
        certificates
            .lockById(certificateId)
            .orElseThrow(() -> new IllegalArgumentException("No certificate " + certificateId));
    if (old.status() == CertificateStatus.RENEWED && old.renewedById() != null) {
      return certificates.findById(old.renewedById()).orElseThrow();
    }
    if (old.status() == CertificateStatus.REVOKED) {
      throw new IllegalStateException("Certificate " + certificateId + " was revoked");
    }
    Instant now = clock.instant();
    Instant from = old.expiresAt().isAfter(now) ? old.expiresAt() : now;
    // the old one stops being VALID first: one valid certificate per person and certification
    certificates.updateStatus(old.id(), CertificateStatus.RENEWED, null);
    long id =
        certificates.insert(
            old.certificationId(),
            old.userId(),
            old.partnerId(),
            VerificationCodes.next(),
            now,
            plusMonths(from, validityMonths(old.certificationId())));
    certificates.updateStatus(old.id(), CertificateStatus.RENEWED, id);
    return certificates.findById(id).orElseThrow();
  }

  /**
   * Lapses a valid certificate (its expiry came without a renewal). Returns whether it changed; a
   * certificate no longer VALID (lapsed already, renewed, revoked) stays as it is.
   */
  @Secured(SYSTEM)
  @Transactional
  public boolean lapse(long certificateId) {
    Certificate certificate =
        certificates
            .lockById(certificateId)
            .orElseThrow(() -> new IllegalArgumentException("No certificate " + certificateId));
    if (certificate.status() != CertificateStatus.VALID) {
      return false;
    }
    certificates.updateStatus(certificateId, CertificateStatus.LAPSED, null);
    return true;
  }

  /**
   * The organisation's certificates that count now (VALID, expiry ahead), by certification. Staff
   * and workers get all; the organisation's main contact all of theirs; another of its users only
   * their own; anybody else none.
   */
  @EnablementReaders
  @Transactional(readOnly = true)
  public List<Certificate> validCertificates(long partnerId) {
    CertificateAccess.Viewer viewer = access.viewer();
    return certificates.findValidByPartner(partnerId, clock.instant()).stream()
        .filter(viewer::maySee)
        .toList();
  }

  /** The caller's own certificates, all states, newest first. */
  @Secured(PARTNER)
  @Transactional(readOnly = true)
  public List<Certificate> mine() {
    CertificateAccess.Viewer viewer = access.viewer();
    if (viewer.userId() == null) {
      return List.of();
    }
    return certificates.findByUser(viewer.userId());
  }

  /**
   * The valid certificates of the caller's organisation they may see: all of them for the main
   * contact, their own for anyone else.
   */
  @Secured(PARTNER)
  @Transactional(readOnly = true)
  public List<Certificate> organisationCertificates() {
    CertificateAccess.Viewer viewer = access.viewer();
    if (viewer.partnerId() == null) {
      return List.of();
    }
    return certificates.findValidByPartner(viewer.partnerId(), clock.instant()).stream()
        .filter(viewer::maySee)
        .toList();
  }

  /** One certificate, if the caller may see it; refused like a missing one otherwise. */
  @EnablementReaders
  @Transactional(readOnly = true)
  public Certificate certificate(long id) {
    CertificateAccess.Viewer viewer = access.viewer();
    return certificates
        .findById(id)
        .filter(viewer::maySee)
        .orElseThrow(() -> new CertificateNotFoundException(id));
  }

  private int validityMonths(long certificationId) {
    return certificates
        .validityMonths(certificationId)
        .orElseThrow(() -> new IllegalArgumentException("No certification " + certificationId));
  }

  private static Instant plusMonths(Instant from, int months) {
    return from.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
  }
}
