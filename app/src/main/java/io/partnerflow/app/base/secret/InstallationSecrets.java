package io.partnerflow.app.base.secret;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Secrets that belong to one installation rather than to one start: generated once (32 bytes from
 * {@link SecureRandom}), stored in {@code app.installation_secret} and read back by every node and
 * every later start, so that what they protect (e.g. the per-address rate limit) holds across nodes
 * and restarts. The first node to store a secret wins; the others read its value.
 */
@Service
public class InstallationSecrets {

  /** The key of the applicants' address hashes (rate limit of the public form). */
  public static final String ADDRESS_SALT = "recruitment.address-salt";

  /** The HMAC key of the apply form's time-to-fill tickets, shared by every node. */
  public static final String FORM_TICKET_KEY = "recruitment.form-ticket-key";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  InstallationSecrets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The secret of that name, generated and stored on first use. */
  public byte[] obtain(String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    jdbc.sql(
            "INSERT INTO app.installation_secret (name, secret) VALUES (:name, :secret)"
                + " ON CONFLICT (name) DO NOTHING")
        .param("name", name)
        .param("secret", Base64.getEncoder().encodeToString(secret))
        .update();
    String stored =
        jdbc.sql("SELECT secret FROM app.installation_secret WHERE name = :name")
            .param("name", name)
            .query(String.class)
            .single();
    return Base64.getDecoder().decode(stored);
  }
}
