package io.partnerflow.app.contract.document;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.Hashtable;
import java.util.Map;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS signature PDFBox embeds: detached, SHA-256 with the installation's key, carrying the
 * certificate and the signing-certificate-v2 attribute that binds it, without a signing-time
 * attribute (PAdES baseline B takes the time from the signature dictionary's {@code M} entry).
 */
final class CadesSignature implements SignatureInterface {

  private final InstallationSeal.Key key;

  CadesSignature(InstallationSeal.Key key) {
    this.key = key;
  }

  @Override
  public byte[] sign(InputStream content) throws IOException {
    try {
      X509CertificateHolder certificate = new X509CertificateHolder(key.certificate().getEncoded());
      Attribute signingCertificate =
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(
                  new SigningCertificateV2(
                      new ESSCertIDv2[] {
                        new ESSCertIDv2(
                            sha256(key.certificate().getEncoded()),
                            new IssuerSerial(
                                new GeneralNames(new GeneralName(certificate.getIssuer())),
                                certificate.getSerialNumber()))
                      })));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .setSignedAttributeGenerator(
                  withoutSigningTime(
                      new DefaultSignedAttributeTableGenerator(
                          new AttributeTable(new DERSet(signingCertificate)))))
              .build(
                  new JcaContentSignerBuilder(InstallationSeal.SIGNATURE_ALGORITHM)
                      .build(key.privateKey()),
                  certificate));
      generator.addCertificate(certificate);
      return generator
          .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded();
    } catch (CertificateEncodingException | OperatorCreationException | CMSException e) {
      throw new IOException("Cannot seal the contract", e);
    }
  }

  private static CMSAttributeTableGenerator withoutSigningTime(
      DefaultSignedAttributeTableGenerator defaults) {
    return parameters -> {
      @SuppressWarnings("unchecked")
      Map<ASN1ObjectIdentifier, Object> attributes = (Map<ASN1ObjectIdentifier, Object>) parameters;
      Hashtable<ASN1ObjectIdentifier, Attribute> table =
          defaults.getAttributes(attributes).toHashtable();
      table.remove(CMSAttributes.signingTime);
      return new AttributeTable(table);
    };
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}
