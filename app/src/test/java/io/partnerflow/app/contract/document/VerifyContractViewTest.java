package io.partnerflow.app.contract.document;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.partnerflow.app.partner.PartnerTestData.actAs;
import static io.partnerflow.app.partner.PartnerTestData.agreementInForce;
import static io.partnerflow.app.partner.PartnerTestData.newPartner;
import static io.partnerflow.app.partner.PartnerTestData.partnerUser;
import static io.partnerflow.app.partner.PartnerTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.contract.ContractDraft;
import io.partnerflow.app.contract.SignatureEvidence;
import io.partnerflow.app.contract.SignerRole;
import io.partnerflow.app.contract.StoredDocument;
import io.partnerflow.app.contract.document.ui.VerifyContractView;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The verification page: the verdict in the user's language, the contract for staff only. */
@PartnerflowTest
class VerifyContractViewTest {

  private static final AtomicLong CONTRACT_IDS =
      new AtomicLong(2_000_000 + System.nanoTime() % 1_000_000);

  @Autowired ApplicationContext context;
  @Autowired ContractDocumentService documents;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;

  private StoredDocument sealed;
  private byte[] sealedPdf;
  private String partnerUsername;

  @BeforeEach
  void aSealedContract() {
    actAs("manager", "ROLE_PARTNER_MANAGER");
    long partnerId =
        partners.create(newPartner(unique("Verified"), PartnerType.REFERRAL, PartnerTier.GOLD));
    SecurityContextHolder.clearContext();
    partnerUsername = partnerUser(users, jdbc, partnerId, "a-long-password-4");
    // past the portal gate: the verify page opens to partner users with an agreement in force
    agreementInForce(jdbc, partnerId);
    sealed =
        SystemIdentity.call(
            () -> {
              StoredDocument generated =
                  documents.render(
                      new ContractDraft(
                          partnerId,
                          CONTRACT_IDS.incrementAndGet(),
                          "referral-agreement",
                          "en",
                          12,
                          LocalDate.of(2027, 3, 1)));
              return documents.seal(
                  generated.id(),
                  List.of(
                      new SignatureEvidence(
                          SignerRole.PARTNER,
                          partnerUsername,
                          "Pat Partner",
                          Instant.parse("2027-03-01T10:00:00Z"),
                          "198.51.100.4",
                          "Mozilla/5.0",
                          generated.sha256())));
            });
    sealedPdf = SystemIdentity.call(() -> documents.content(sealed.id()));
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldShowStaffTheVerdictAndTheSealedDocument() {
    // given
    KaribuSupport.login(context, "legal");
    UI.getCurrent().navigate(VerifyContractView.class);

    // when
    UploadKt._upload(upload(), "contract.pdf", "application/pdf", sealedPdf);

    // then
    assertThat(verdict()).isEqualTo("valid");
    assertThat(_get(Anchor.class, spec -> spec.withId("verify-document")).getHref())
        .isEqualTo("contracts/documents/" + sealed.id());

    // when: one byte changed
    byte[] changed = sealedPdf.clone();
    changed[sealedPdf.length / 2] ^= 0x01;
    UploadKt._upload(upload(), "contract.pdf", "application/pdf", changed);

    // then
    assertThat(verdict()).isEqualTo("modified");
    assertThat(_get(Paragraph.class, spec -> spec.withId("verify-contract-numbers")).getText())
        .contains(ContractNumber.of(sealed.contractId()));
  }

  @Test
  void shouldShowAPartnerUserTheVerdictOnlyInChinese() {
    // given
    KaribuSupport.login(context, partnerUsername);
    UI.getCurrent().setLocale(TranslationProvider.CHINESE);
    UI.getCurrent().navigate(VerifyContractView.class);

    // when
    UploadKt._upload(upload(), "合同.pdf", "application/pdf", sealedPdf);

    // then
    assertThat(verdict()).isEqualTo("valid");
    assertThat(_get(Paragraph.class, spec -> spec.withId("verify-verdict")).getText())
        .startsWith("有效");
    assertThat(_find(Anchor.class, spec -> spec.withId("verify-document"))).isEmpty();
    assertThat(_find(Paragraph.class, spec -> spec.withId("verify-contract-numbers"))).isEmpty();
  }

  @Test
  void shouldRefuseAFileThatIsNoPdfWithAClearMessage() {
    // given
    KaribuSupport.login(context, "manager");
    UI.getCurrent().navigate(VerifyContractView.class);

    // when
    UploadKt._upload(
        upload(), "notes.pdf", "application/pdf", "just text".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(verdict()).isEqualTo("error");
    assertThat(_get(Paragraph.class, spec -> spec.withId("verify-verdict")).getText())
        .isEqualTo("The file notes.pdf is not a PDF and was not checked.");

    // when: a PDF of nobody's
    UploadKt._upload(
        upload(),
        "other.pdf",
        "application/pdf",
        "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));

    // then
    assertThat(verdict()).isEqualTo("unknown");
  }

  private static Upload upload() {
    return _get(Upload.class, spec -> spec.withId("verify-upload"));
  }

  private static String verdict() {
    return _get(Paragraph.class, spec -> spec.withId("verify-verdict"))
        .getElement()
        .getAttribute("data-verdict");
  }
}
