package io.partnerflow.app.contract.document;

import static io.partnerflow.app.partner.PartnerTestData.actAs;
import static io.partnerflow.app.partner.PartnerTestData.newPartner;
import static io.partnerflow.app.partner.PartnerTestData.partnerUser;
import static io.partnerflow.app.partner.PartnerTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.contract.ContractDraft;
import io.partnerflow.app.contract.SealCheck;
import io.partnerflow.app.contract.SignatureEvidence;
import io.partnerflow.app.contract.SignerRole;
import io.partnerflow.app.contract.StoredDocument;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.PartnerType;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.support.PartnerflowTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A sealed contract carries the evidence page and a PAdES signature by the installation's key;
 * verification tells it apart from a changed copy, a draft and a foreign PDF.
 */
@PartnerflowTest
class ContractSealTest {

  private static final AtomicLong CONTRACT_IDS =
      new AtomicLong(1_000_000 + System.nanoTime() % 1_000_000);

  @Autowired ContractDocumentService documents;
  @Autowired PartnerService partners;
  @Autowired UserAccountService users;
  @Autowired InstallationSeal seal;
  @Autowired JdbcClient jdbc;

  private long partnerId;
  private String partnerName;
  private String partnerUsername;

  @BeforeEach
  void partner() {
    actAs("manager", "ROLE_PARTNER_MANAGER");
    partnerName = unique("Sealed Partner");
    partnerId =
        partners.create(newPartner(partnerName, PartnerType.TECHNOLOGY, PartnerTier.SILVER));
    SecurityContextHolder.clearContext();
    partnerUsername = partnerUser(users, jdbc, partnerId, "a-long-password-3");
  }

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void shouldAppendTheEvidenceAndSealWithAPadesSignatureThatBouncyCastleVerifies()
      throws Exception {
    // given
    StoredDocument generated = generate("en");

    // when
    StoredDocument sealed = sealWithTwoSignatures(generated);

    // then: stored as SEALED with its own hash, beside the generated one
    actAs("legal", "ROLE_LEGAL");
    byte[] pdf = documents.content(sealed.id());
    assertThat(sealed.kind()).isEqualTo(StoredDocument.Kind.SEALED);
    assertThat(sealed.contractId()).isEqualTo(generated.contractId());
    assertThat(sealed.sha256()).isEqualTo(Sha256.hex(pdf)).isNotEqualTo(generated.sha256());
    assertThat(sealed.fileName()).endsWith("-sealed.pdf");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(partnerName)
          .contains("Signature evidence")
          .contains("Jane Q. Signer")
          .contains("203.0.113.7")
          .contains("Firefox/133.0")
          .contains(generated.sha256())
          .contains("countersigned by the platform")
          .contains("2027-01-02 09:30:00 UTC");
      PDSignature signature = document.getLastSignatureDictionary();
      assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
      assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
      int[] range = signature.getByteRange();
      assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);
      // the CMS verifies with Bouncy Castle against the installation's certificate
      CMSSignedData cms =
          SealVerifier.cms(signature.getContents(), signature.getSignedContent(pdf));
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509Certificate certificate = seal.certificate();
      assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)))
          .isTrue();
      assertThat(cms.getCertificates().getMatches(signer.getSID()))
          .singleElement()
          .isEqualTo(new X509CertificateHolder(certificate.getEncoded()));
      assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
          .isNotNull();
      assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
      assertThat(certificate.getSubjectX500Principal().getName())
          .contains("Partnerflow contract seal");
    }
  }

  @Test
  void shouldFindTheSealedCopyValidAndOneChangedByteModified() throws Exception {
    // given
    StoredDocument sealed = sealWithTwoSignatures(generate("zh"));
    actAs(partnerUsername, "ROLE_PARTNER");
    byte[] pdf = documents.content(sealed.id());

    // when
    byte[] changed = pdf.clone();
    int inText = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("/Producer");
    changed[inText > 0 ? inText + 1 : pdf.length / 2] ^= 0x01;

    // then
    assertThat(documents.verify(pdf)).isEqualTo(SealCheck.VALID);
    assertThat(documents.verify(changed)).isEqualTo(SealCheck.MODIFIED);
    for (int at : new int[] {100, pdf.length / 3, pdf.length - 10}) {
      byte[] oneByte = pdf.clone();
      oneByte[at] ^= 0x20;
      assertThat(documents.verify(oneByte)).as("byte %d changed", at).isEqualTo(SealCheck.MODIFIED);
    }
  }

  @Test
  void shouldFindAPageAddedAfterTheSealModified() throws Exception {
    // given: the sealed copy with a page appended in an incremental update, which leaves the
    // signed bytes untouched but no longer covers the whole file
    StoredDocument sealed = sealWithTwoSignatures(generate("en"));
    actAs("manager", "ROLE_PARTNER_MANAGER");
    byte[] pdf = documents.content(sealed.id());
    byte[] extended;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.addPage(new PDPage());
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      extended = out.toByteArray();
    }

    // then
    assertThat(documents.check(extended).verdict()).isEqualTo(SealCheck.MODIFIED);
    assertThat(documents.check(pdf).document().id()).isEqualTo(sealed.id());
  }

  @Test
  void shouldFindAnUnsignedDraftModifiedAndAForeignPdfUnknown() throws Exception {
    // given
    StoredDocument generated = generate("en");
    actAs("manager", "ROLE_PARTNER_MANAGER");
    byte[] draft = documents.content(generated.id());
    byte[] foreign;
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      foreign = out.toByteArray();
    }

    // then
    Verification ofDraft = documents.check(draft);
    assertThat(ofDraft.verdict()).isEqualTo(SealCheck.MODIFIED);
    assertThat(ofDraft.contractNumbers()).contains(ContractNumber.of(generated.contractId()));
    assertThat(documents.verify(foreign)).isEqualTo(SealCheck.UNKNOWN);
    assertThat(documents.verify("not a pdf at all".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(SealCheck.UNKNOWN);
  }

  @Test
  void shouldTellAPartnerUserTheVerdictOnly() {
    // given
    StoredDocument sealed = sealWithTwoSignatures(generate("en"));
    actAs("legal", "ROLE_LEGAL");
    byte[] pdf = documents.content(sealed.id());

    // when
    actAs(partnerUsername, "ROLE_PARTNER");
    Verification verification = documents.check(pdf);

    // then
    assertThat(verification.verdict()).isEqualTo(SealCheck.VALID);
    assertThat(verification.document()).isNull();
    assertThat(verification.contractNumbers()).isEmpty();
  }

  @Test
  void shouldReturnTheFirstSealWhenAJobSealsTheSameDocumentAgain() {
    // given
    StoredDocument generated = generate("en");
    StoredDocument first = sealWithTwoSignatures(generated);

    // when
    StoredDocument again = sealWithTwoSignatures(generated);

    // then
    assertThat(again).isEqualTo(first);
  }

  private StoredDocument generate(String language) {
    return SystemIdentity.call(
        () ->
            documents.render(
                new ContractDraft(
                    partnerId,
                    CONTRACT_IDS.incrementAndGet(),
                    "technology-agreement",
                    language,
                    12,
                    LocalDate.of(2027, 1, 1))));
  }

  private StoredDocument sealWithTwoSignatures(StoredDocument generated) {
    List<SignatureEvidence> evidence =
        List.of(
            new SignatureEvidence(
                SignerRole.PARTNER,
                "signer@partner.example",
                "Jane Q. Signer",
                Instant.parse("2027-01-02T09:30:00Z"),
                "203.0.113.7",
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                generated.sha256()),
            new SignatureEvidence(
                SignerRole.PLATFORM,
                "system",
                "Partnerflow",
                Instant.parse("2027-01-02T09:30:05Z"),
                null,
                null,
                generated.sha256()));
    return SystemIdentity.call(() -> documents.seal(generated.id(), evidence));
  }
}
