package io.partnerflow.app.contract.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded PDF for what ties it to this installation: a signature by the installation's
 * seal (and whether it still covers the whole file and verifies), and contract numbers in its
 * metadata or bytes. The bytes are also scanned when the file no longer parses: a change may break
 * the PDF's structure and still leave the contract recognisable.
 */
@Component
class SealVerifier {

  private static final Pattern CONTRACT_NUMBER = Pattern.compile("PF-C-\\d{6,18}");

  private final InstallationSeal seal;

  SealVerifier(InstallationSeal seal) {
    this.seal = seal;
  }

  /** What the file shows: whether it carries our seal, whether that seal is intact, numbers. */
  record Reading(boolean carriesSeal, boolean sealIntact, List<String> contractNumbers) {}

  Reading read(byte[] pdf) {
    X509Certificate certificate = seal.certificate();
    boolean carriesSeal = containsCertificate(pdf, certificate);
    boolean intact = false;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDSignature signature : document.getSignatureDictionaries()) {
        byte[] cms = signature.getContents();
        if (signedBy(cms, certificate)) {
          carriesSeal = true;
          intact = intact || coversWholeFile(signature, pdf) && verifies(signature, pdf, cms);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // a broken file is read by its bytes alone
    }
    Matcher numbers = CONTRACT_NUMBER.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    List<String> found =
        numbers.results().map(java.util.regex.MatchResult::group).distinct().limit(20).toList();
    return new Reading(carriesSeal, intact, found);
  }

  /** The certificate is embedded (hex) in every signature the seal made. */
  private static boolean containsCertificate(byte[] pdf, X509Certificate certificate) {
    try {
      byte[] der = certificate.getEncoded();
      String fragment =
          HexFormat.of()
              .withUpperCase()
              .formatHex(Arrays.copyOfRange(der, der.length - 64, der.length));
      String text = new String(pdf, StandardCharsets.ISO_8859_1);
      return text.contains(fragment) || text.contains(fragment.toLowerCase(Locale.ROOT));
    } catch (java.security.cert.CertificateEncodingException e) {
      return false;
    }
  }

  private static boolean signedBy(byte[] cms, X509Certificate certificate) {
    try {
      CMSSignedData data = cms(cms, null);
      X509CertificateHolder ours = new X509CertificateHolder(certificate.getEncoded());
      return data.getSignerInfos().getSigners().stream().anyMatch(s -> s.getSID().match(ours));
    } catch (Exception notOurs) {
      return false;
    }
  }

  /**
   * The CMS of a signature's {@code /Contents}, which PDF pads with zeros to its reserved size:
   * only the first DER object is read (Bouncy Castle refuses trailing bytes).
   */
  static CMSSignedData cms(byte[] contents, byte[] signedContent) throws Exception {
    try (ASN1InputStream in = new ASN1InputStream(contents)) {
      ContentInfo info = ContentInfo.getInstance(in.readObject());
      return signedContent == null
          ? new CMSSignedData(info)
          : new CMSSignedData(new CMSProcessableByteArray(signedContent), info);
    }
  }

  private static boolean coversWholeFile(PDSignature signature, byte[] pdf) {
    int[] range = signature.getByteRange();
    return range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
  }

  private boolean verifies(PDSignature signature, byte[] pdf, byte[] cms) {
    try {
      CMSSignedData data = cms(cms, signature.getSignedContent(pdf));
      X509CertificateHolder ours = new X509CertificateHolder(seal.certificate().getEncoded());
      for (SignerInformation signer : data.getSignerInfos().getSigners()) {
        if (signer.getSID().match(ours)
            && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(seal.certificate()))) {
          return true;
        }
      }
      return false;
    } catch (Exception broken) {
      return false;
    }
  }
}
