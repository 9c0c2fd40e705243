package io.partnerflow.app.enablement.certification;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.security.throttle.LoginThrottle;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
  @Autowired LoginThrottle throttle;

  @Value("${local.server.port}")
  int port;

  private CertificationFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new CertificationFixtures(partners, users, jdbc);
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
    // the lookups counted against this JVM's own address must not pause later tests' pages
    jdbc.sql("DELETE FROM app.login_throttle WHERE subject_kind = 'LOOKUP'").update();
  }

  @Test
  void shouldAnswerAnUnknownCodeWithNotFoundOverHttpAndAKnownOneWithOk() throws Exception {
    // given
    Certificate issued = issue();
    HttpClient http = HttpClient.newHttpClient();

    // when
    HttpResponse<String> known = get(http, "/verify/" + issued.verificationCode());
    HttpResponse<String> unknown = get(http, "/verify/" + "A".repeat(VerificationCodes.LENGTH));
    HttpResponse<String> malformed = get(http, "/verify/nonsense");

    // then: a link checker or a script sees the code is not valid
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(404);
  }

  @Test
  void shouldPauseAnAddressThatLooksUpTooManyUnknownCodesButNoOtherAddressNorItsLogins() {
    // given: an address that asked for ten unknown codes (the address limit of the login throttle)
    Certificate issued = issue();
    String address = "198.51.100." + UUID.randomUUID();
    String unknown = "A".repeat(VerificationCodes.LENGTH);
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> verification.verify(unknown, address))
          .isInstanceOf(UnknownCertificateException.class);
    }

    // then: even a valid code is refused from it for now, before it is checked
    assertThatThrownBy(() -> verification.verify(issued.verificationCode(), address))
        .isInstanceOf(CertificateLookupPausedException.class);
    assertThat(verification.verify(issued.verificationCode(), "198.51.100.other").holderName())
        .isEqualTo(issued.holderName());
    assertThat(throttle.blockedUntil(null, address)).as("logins are counted apart").isEmpty();
  }

  @Test
  void shouldShowThePausedPageWithoutTheCertificate() {
    // given: the browser's address (Karibu's mock request) asked for too many unknown codes
    Certificate issued = issue();
    String address = com.vaadin.flow.server.VaadinRequest.getCurrent().getRemoteAddr();
    for (int i = 0; i < 10; i++) {
      throttle.lookupMissed(address);
    }

    // when
    UI.getCurrent().navigate("verify/" + issued.verificationCode());

    // then
    assertThat(_get(Div.class, spec -> spec.withId("verify-paused")).getText())
        .startsWith("Too many unknown codes");
    assertThat(_find(Div.class, spec -> spec.withId("verify-facts"))).isEmpty();
  }

  @Test
  void shouldAnswerAPausedAddressWithTooManyRequestsOverHttp() throws Exception {
    // given: this machine's address asked for too many unknown codes
    Certificate issued = issue();
    for (int i = 0; i < 10; i++) {
      throttle.lookupMissed("127.0.0.1");
    }

    // when: even a valid code
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + "/verify/" + issued.verificationCode()))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
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
