package io.partnerflow.app.contract.document;

import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.contract.SignatureEvidence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.springframework.stereotype.Component;

/**
 * Seals a signed contract: appends an evidence page (every signature's who, typed name, when, from
 * where, user agent and the SHA-256 of the document signed), then signs the whole file with the
 * installation's key as a PAdES baseline B signature (SubFilter ETSI.CAdES.detached). Any later
 * change to the file breaks the signature, visibly in every PDF reader.
 */
@Component
class ContractSealer {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final ContractFont font;
  private final InstallationSeal seal;
  private final TranslationProvider translations;

  ContractSealer(ContractFont font, InstallationSeal seal, TranslationProvider translations) {
    this.font = font;
    this.seal = seal;
    this.translations = translations;
  }

  byte[] seal(
      byte[] signedPdf,
      String signedSha256,
      String contractNumber,
      String language,
      List<SignatureEvidence> evidence,
      Instant sealedAt) {
    byte[] withEvidence = appendEvidence(signedPdf, signedSha256, language, evidence, sealedAt);
    return sign(withEvidence, contractNumber, sealedAt);
  }

  private byte[] appendEvidence(
      byte[] pdf,
      String signedSha256,
      String language,
      List<SignatureEvidence> evidence,
      Instant sealedAt) {
    Locale locale = ContractValues.locale(language);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDType0Font pdfFont = font.loadInto(document);
      int before = document.getNumberOfPages();
      try (PageFlow flow = new PageFlow(document, pdfFont)) {
        flow.newPage();
        flow.heading(t("document.evidence.title", locale), 16, 0);
        flow.text(t("document.evidence.intro", locale, signedSha256), 9.5f, 0, 4);
        int n = 0;
        for (SignatureEvidence signature : evidence) {
          n++;
          flow.heading(
              t(
                  "document.evidence.signature",
                  locale,
                  Integer.toString(n),
                  t("document.evidence.role." + signature.role(), locale)),
              11.5f,
              12);
          line(flow, locale, "account", signature.account());
          line(flow, locale, "typedName", signature.typedName());
          line(flow, locale, "signedAt", TIME.format(signature.signedAt()));
          line(flow, locale, "clientAddress", signature.clientAddress());
          line(flow, locale, "userAgent", signature.userAgent());
          line(flow, locale, "documentSha256", signature.documentSha256());
          if (signature.documentSha256() != null
              && !signature.documentSha256().equalsIgnoreCase(signedSha256)) {
            flow.text(t("document.evidence.otherDocument", locale), 9.5f, 120, 2);
          }
        }
        flow.heading(t("document.evidence.seal", locale), 11.5f, 14);
        line(flow, locale, "sealedAt", TIME.format(sealedAt));
        line(
            flow,
            locale,
            "certificate",
            seal.certificate().getSubjectX500Principal().getName()
                + " · SHA-256 "
                + HexFormat.of().formatHex(CadesSignature.sha256(encoded(seal))).substring(0, 32));
        flow.close();
        List<PDPage> added = flow.pages();
        for (int i = 0; i < added.size(); i++) {
          flow.stamp(
              added.get(i),
              t(
                  "document.evidence.page",
                  locale,
                  Integer.toString(i + 1),
                  Integer.toString(added.size()),
                  Integer.toString(before)),
              8,
              PageFlow.MARGIN + PageFlow.WIDTH,
              PageFlow.BOTTOM - 30,
              true);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot add the evidence page", e);
    }
  }

  private byte[] sign(byte[] pdf, String contractNumber, Instant sealedAt) {
    InstallationSeal.Key key = seal.key();
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(key.certificate().getSubjectX500Principal().getName());
      signature.setReason("Sealed by Partnerflow: contract " + contractNumber);
      Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      time.setTimeInMillis(sealedAt.toEpochMilli());
      signature.setSignDate(time);
      options.setPreferredSignatureSize(12_000);
      document.addSignature(signature, new CadesSignature(key), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot seal contract " + contractNumber, e);
    }
  }

  private void line(PageFlow flow, Locale locale, String label, String value) {
    flow.text(
        t("document.evidence.field." + label, locale)
            + ": "
            + (value == null || value.isBlank() ? "—" : value),
        9.5f,
        0,
        2);
  }

  private static byte[] encoded(InstallationSeal seal) {
    try {
      return seal.certificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String t(String key, Locale locale, String... params) {
    return translations.getTranslation(key, locale, (Object[]) params);
  }
}
