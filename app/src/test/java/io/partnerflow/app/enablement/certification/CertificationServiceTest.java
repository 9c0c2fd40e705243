package io.partnerflow.app.enablement.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTestData;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Issuing, renewing and lapsing certificates, and who may see them, on the real database. */
@PartnerflowTest
class CertificationServiceTest {

  @Autowired CertificationService certification;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;

  private CertificationFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new CertificationFixtures(partners, users, jdbc);
  }

  @AfterEach
  void logout() {
    CertificationFixtures.logout();
  }

  @Test
  void shouldIssueAValidCertificateForTheCertificationsPeriodWithARandomCode() {
    // given
    long certificationId = fixtures.certification(24);
    long partnerId = fixtures.partner();
    long holder = fixtures.userId(fixtures.mainContact(partnerId));
    Instant before = Instant.now();

    // when
    Certificate issued = SystemIdentity.call(() -> certification.issue(certificationId, holder));
    Certificate again = SystemIdentity.call(() -> certification.issue(certificationId, holder));

    // then
    assertThat(issued.status()).isEqualTo(CertificateStatus.VALID);
    assertThat(issued.partnerId()).isEqualTo(partnerId);
    assertThat(issued.holderName()).isEqualTo("Test Partner User");
    assertThat(issued.issuedAt()).isBetween(before, Instant.now());
    assertThat(issued.expiresAt())
        .isEqualTo(issued.issuedAt().atZone(ZoneOffset.UTC).plusMonths(24).toInstant());
    assertThat(issued.verificationCode()).hasSize(26).matches("[A-Z2-7]{26}");
    assertThat(again.id()).as("issuing again returns the valid one").isEqualTo(issued.id());
  }

  @Test
  void shouldRenewFromTheOldExpiryAndMarkTheOldCertificateRenewed() {
    // given
    long certificationId = fixtures.certification(12);
    long holder = fixtures.userId(fixtures.mainContact(fixtures.partner()));
    Certificate old = SystemIdentity.call(() -> certification.issue(certificationId, holder));

    // when
    Certificate renewed = SystemIdentity.call(() -> certification.renew(old.id()));
    Certificate retried = SystemIdentity.call(() -> certification.renew(old.id()));

    // then
    assertThat(renewed.id()).isNotEqualTo(old.id());
    assertThat(renewed.status()).isEqualTo(CertificateStatus.VALID);
    assertThat(renewed.expiresAt())
        .isEqualTo(old.expiresAt().atZone(ZoneOffset.UTC).plusMonths(12).toInstant());
    assertThat(renewed.verificationCode()).isNotEqualTo(old.verificationCode());
    Certificate oldNow = SystemIdentity.call(() -> certification.certificate(old.id()));
    assertThat(oldNow.status()).isEqualTo(CertificateStatus.RENEWED);
    assertThat(oldNow.renewedById()).isEqualTo(renewed.id());
    assertThat(retried.id()).isEqualTo(renewed.id());
  }

  @Test
  void shouldLapseOnlyAValidCertificateAndNotCountItAnyMore() {
    // given
    long certificationId = fixtures.certification(12);
    long partnerId = fixtures.partner();
    long holder = fixtures.userId(fixtures.mainContact(partnerId));
    Certificate issued = SystemIdentity.call(() -> certification.issue(certificationId, holder));

    // when
    boolean first = SystemIdentity.call(() -> certification.lapse(issued.id()));
    boolean second = SystemIdentity.call(() -> certification.lapse(issued.id()));

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(SystemIdentity.call(() -> certification.certificate(issued.id())).status())
        .isEqualTo(CertificateStatus.LAPSED);
    assertThat(SystemIdentity.call(() -> certification.validCertificates(partnerId))).isEmpty();
  }

  @Test
  void shouldShowTheHolderTheirOwnAndTheMainContactTheOrganisationsButNobodyElseAnything() {
    // given: a main contact and a colleague, both certified, and a user of another partner
    long certificationId = fixtures.certification(12);
    long partnerId = fixtures.partner();
    String mainContact = fixtures.mainContact(partnerId);
    String colleague = fixtures.colleague(partnerId);
    String stranger = fixtures.mainContact(fixtures.partner());
    Certificate ofMainContact =
        SystemIdentity.call(
            () -> certification.issue(certificationId, fixtures.userId(mainContact)));
    Certificate ofColleague =
        SystemIdentity.call(() -> certification.issue(certificationId, fixtures.userId(colleague)));

    // then: the holder sees theirs only
    CertificationFixtures.actAsPartner(colleague);
    assertThat(certification.mine()).extracting(Certificate::id).containsExactly(ofColleague.id());
    assertThat(certification.validCertificates(partnerId))
        .extracting(Certificate::id)
        .containsExactly(ofColleague.id());
    assertThat(certification.certificate(ofColleague.id()).id()).isEqualTo(ofColleague.id());
    assertThatThrownBy(() -> certification.certificate(ofMainContact.id()))
        .isInstanceOf(CertificateNotFoundException.class);

    // the main contact sees the organisation's
    CertificationFixtures.actAsPartner(mainContact);
    assertThat(certification.validCertificates(partnerId))
        .extracting(Certificate::id)
        .containsExactlyInAnyOrder(ofMainContact.id(), ofColleague.id());
    assertThat(certification.certificate(ofColleague.id()).holderName())
        .isEqualTo("Test Partner User");

    // another partner's user nothing, told as for a certificate that does not exist
    CertificationFixtures.actAsPartner(stranger);
    assertThat(certification.validCertificates(partnerId)).isEmpty();
    assertThat(certification.mine()).isEmpty();
    assertThatThrownBy(() -> certification.certificate(ofColleague.id()))
        .isInstanceOf(CertificateNotFoundException.class)
        .hasMessage(new CertificateNotFoundException(ofColleague.id()).getMessage());
    assertThatThrownBy(() -> certification.certificate(Long.MAX_VALUE))
        .isInstanceOf(CertificateNotFoundException.class);

    // staff see all
    PartnerTestData.actAs("manager", "ROLE_PARTNER_MANAGER");
    assertThat(certification.validCertificates(partnerId)).hasSize(2);
    PartnerTestData.actAs("enablement", "ROLE_ENABLEMENT");
    assertThat(certification.certificate(ofMainContact.id()).id()).isEqualTo(ofMainContact.id());
  }

  @Test
  void shouldLetOnlyTheProcessIssueRenewOrLapse() {
    // given
    long certificationId = fixtures.certification(12);
    String holder = fixtures.mainContact(fixtures.partner());
    long holderId = fixtures.userId(holder);
    Certificate issued = SystemIdentity.call(() -> certification.issue(certificationId, holderId));

    // then
    CertificationFixtures.actAsPartner(holder);
    assertThatThrownBy(() -> certification.issue(certificationId, holderId))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> certification.renew(issued.id()))
        .isInstanceOf(AccessDeniedException.class);
    PartnerTestData.actAs("admin", "ROLE_ADMIN");
    assertThatThrownBy(() -> certification.lapse(issued.id()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldNotCountACertificateWhoseExpiryPassedEvenBeforeItsLapseIsRecorded() {
    // given
    long certificationId = fixtures.certification(12);
    long partnerId = fixtures.partner();
    long holder = fixtures.userId(fixtures.mainContact(partnerId));
    Certificate issued = SystemIdentity.call(() -> certification.issue(certificationId, holder));

    // when: its period ended (moved into the past in the database)
    jdbc.sql(
            "UPDATE app.certificate SET issued_at = issued_at - interval '2 years',"
                + " expires_at = now() - interval '1 day' WHERE id = :id")
        .param("id", issued.id())
        .update();

    // then
    assertThat(SystemIdentity.call(() -> certification.validCertificates(partnerId))).isEmpty();
    Certificate next = SystemIdentity.call(() -> certification.issue(certificationId, holder));
    assertThat(next.id()).isNotEqualTo(issued.id());
    assertThat(SystemIdentity.call(() -> certification.certificate(issued.id())).status())
        .isEqualTo(CertificateStatus.LAPSED);
    assertThat(Duration.between(Instant.now(), next.expiresAt()).toDays()).isGreaterThan(300);
  }
}
