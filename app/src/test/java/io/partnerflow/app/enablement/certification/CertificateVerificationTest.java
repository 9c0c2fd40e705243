package io.partnerflow.app.enablement.certification;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public verification of certificates ({@code /verify/<code>}, no login): valid, expired,
 * renewed, unknown — and nothing of any other certificate or of the organisation reachable.
 */
@PartnerflowTest
class CertificateVerificationTest {

  @Autowired ApplicationContext context;
  @Autowired CertificateVerification verification;
  @Autowired CertificationService certification;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;

  private CertificationFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new CertificationFixtures(partners, users, jdbc);
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldConfirmAValidCertificateWithHolderCertificationAndDatesOnly() {
    // given
    Certificate issued = issue();

    // when: anonymous, on the public page
    UI.getCurrent().navigate("verify/" + issued.verificationCode());

    // then
    Div verdict = _get(Div.class, spec -> spec.withId("verify-verdict"));
    assertThat(verdict.getElement().getAttribute("data-state")).isEqualTo("VALID");
    assertThat(text("verify-holder")).isEqualTo(issued.holderName());
    assertThat(text("verify-certification")).isEqualTo(issued.certificationNameEn());
    assertThat(text("verify-state")).isEqualTo("Valid");
    String page = UI.getCurrent().getElement().getOuterHTML();
    assertThat(page)
        .as("no organisation or e-mail on the public page")
        .doesNotContain(partnerName(issued.partnerId()))
        .doesNotContain("@partner.example");
    PublicCertificate shown = verification.verify(issued.verificationCode()).orElseThrow();
    assertThat(shown.state()).isEqualTo(PublicCertificate.State.VALID);
    assertThat(shown.issuedAt()).isEqualTo(issued.issuedAt());
    assertThat(shown.expiresAt()).isEqualTo(issued.expiresAt());
  }

  @Test
  void shouldTellAnExpiredCertificateWhetherLapsedOrPastItsExpiry() {
    // given: one lapsed by the process, one whose expiry passed before the process lapsed it
    Certificate lapsed = issue();
    SystemIdentity.call(() -> certification.lapse(lapsed.id()));
    Certificate pastExpiry = issue();
    jdbc.sql(
            "UPDATE app.certificate SET issued_at = now() - interval '2 years',"
                + " expires_at = now() - interval '1 day' WHERE id = :id")
        .param("id", pastExpiry.id())
        .update();

    // then
    assertThat(verification.verify(lapsed.verificationCode()).orElseThrow().state())
        .isEqualTo(PublicCertificate.State.EXPIRED);
    assertThat(verification.verify(pastExpiry.verificationCode()).orElseThrow().state())
        .isEqualTo(PublicCertificate.State.EXPIRED);
    UI.getCurrent().navigate("verify/" + lapsed.verificationCode());
    assertThat(
            _get(Div.class, spec -> spec.withId("verify-verdict"))
                .getElement()
                .getAttribute("data-state"))
        .isEqualTo("EXPIRED");
    assertThat(text("verify-state")).isEqualTo("Expired");
  }

  @Test
  void shouldTellARenewedCertificateReplacedAndTheNewOneValid() {
    // given
    Certificate old = issue();
    Certificate renewed = SystemIdentity.call(() -> certification.renew(old.id()));

    // then
    assertThat(verification.verify(old.verificationCode()).orElseThrow().state())
        .isEqualTo(PublicCertificate.State.RENEWED);
    assertThat(verification.verify(renewed.verificationCode()).orElseThrow().state())
        .isEqualTo(PublicCertificate.State.VALID);
  }

  @Test
  void shouldAnswerUnknownCodesAlikeAndReachNoOtherCertificate() {
    // given
    Certificate issued = issue();
    Certificate other = issue();
    String code = issued.verificationCode();

    // then: people may type the code in lower case and with the printed dashes
    assertThat(
            verification.verify(
                code.toLowerCase(Locale.ROOT).substring(0, 5) + "-" + code.substring(5)))
        .map(PublicCertificate::holderName)
        .contains(issued.holderName());
    // unknown: another code of the right form, a changed last letter, ids, wildcards, nonsense
    String changed = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
    for (String probe :
        new String[] {
          changed,
          "A".repeat(VerificationCodes.LENGTH),
          String.valueOf(issued.id()),
          String.valueOf(other.id()),
          "%",
          code.substring(0, 10) + "%",
          "' OR '1'='1",
          "",
          code + "A"
        }) {
      assertThat(verification.verify(probe)).as(probe).isEmpty();
    }
    // codes are random, not counted up: consecutive certificates share no long prefix
    assertThat(commonPrefix(issued.verificationCode(), other.verificationCode())).isLessThan(8);
    // the page says "unknown" for an unknown code and shows nothing else
    UI.getCurrent().navigate("verify/" + changed);
    assertThat(_find(Div.class, spec -> spec.withId("verify-unknown"))).hasSize(1);
    assertThat(_find(Div.class, spec -> spec.withId("verify-facts"))).isEmpty();
    // the bare route lists nothing
    UI.getCurrent().navigate("verify/%25");
    assertThat(_find(Div.class, spec -> spec.withId("verify-unknown"))).hasSize(1);
  }

  @Test
  void shouldShowTheCertificationNameInChinese() {
    // given
    Certificate issued = issue();
    UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

    // when
    UI.getCurrent().navigate("verify/" + issued.verificationCode());

    // then
    assertThat(text("verify-certification")).isEqualTo(issued.certificationNameZh());
    assertThat(text("verify-state")).isEqualTo("有效");
  }

  private Certificate issue() {
    long certificationId = fixtures.certification(12);
    long userId = fixtures.userId(fixtures.mainContact(fixtures.partner()));
    return SystemIdentity.call(() -> certification.issue(certificationId, userId));
  }

  private String partnerName(long partnerId) {
    return jdbc.sql("SELECT name FROM app.partner WHERE id = :id")
        .param("id", partnerId)
        .query(String.class)
        .single();
  }

  private static String text(String id) {
    return _get(Span.class, spec -> spec.withId(id)).getText();
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
