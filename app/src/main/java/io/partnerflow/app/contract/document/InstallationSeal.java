package io.partnerflow.app.contract.document;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's seal: an EC P-256 key pair and a self-signed certificate naming the
 * installation, generated at first use and kept in {@code app.installation_key} like the other
 * per-installation secrets, so every node and every later start seals with the same key. The first
 * node to store it wins; the others read its key. The private key never leaves this class except
 * into the signature.
 */
@Component
class InstallationSeal {

  static final String NAME = "contract.seal";
  static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final ContractDocumentProperties properties;
  private final Clock clock;
  private volatile Key key;

  InstallationSeal(JdbcClient jdbc, ContractDocumentProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** The seal's key and certificate; the key's text form shows nothing of the key. */
  record Key(PrivateKey privateKey, X509Certificate certificate) {
    @Override
    public String toString() {
      return "Key[" + certificate.getSubjectX500Principal() + "]";
    }
  }

  X509Certificate certificate() {
    return key().certificate();
  }

  Key key() {
    Key loaded = key;
    if (loaded == null) {
      synchronized (this) {
        loaded = key;
        if (loaded == null) {
          loaded = obtain();
          key = loaded;
        }
      }
    }
    return loaded;
  }

  private Key obtain() {
    try {
      Key fresh = generate();
      jdbc.sql(
              "INSERT INTO app.installation_key (name, private_key, certificate)"
                  + " VALUES (:name, :key, :certificate) ON CONFLICT (name) DO NOTHING")
          .param("name", NAME)
          .param("key", Base64.getEncoder().encodeToString(fresh.privateKey().getEncoded()))
          .param(
              "certificate", Base64.getEncoder().encodeToString(fresh.certificate().getEncoded()))
          .update();
      String[] stored =
          jdbc.sql("SELECT private_key, certificate FROM app.installation_key WHERE name = :name")
              .param("name", NAME)
              .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
              .single();
      PrivateKey privateKey =
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored[0])));
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(Base64.getDecoder().decode(stored[1])));
      return new Key(privateKey, certificate);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("Cannot obtain the installation's contract seal", e);
    }
  }

  private Key generate()
      throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    KeyPair pair = generator.generateKeyPair();
    byte[] serial = new byte[16];
    RANDOM.nextBytes(serial);
    // the installation's name: the vendor and a random id of this installation
    String installation = HexFormat.of().formatHex(serial, 0, 4);
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, "Partnerflow contract seal " + installation)
            .addRDN(BCStyle.O, properties.vendorName())
            .build();
    Instant now = clock.instant();
    X509CertificateHolder holder =
        new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(1, serial),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365L * 30))),
                subject,
                pair.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
            .build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(pair.getPrivate()));
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    return new Key(pair.getPrivate(), certificate);
  }
}
