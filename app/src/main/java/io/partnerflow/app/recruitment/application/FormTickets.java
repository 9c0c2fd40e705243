package io.partnerflow.app.recruitment.application;

import io.partnerflow.app.base.secret.InstallationSecrets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The time-to-fill check of the public form: when the form is shown it gets a ticket, its render
 * time signed with HMAC-SHA256; the submission must bring the ticket back, at least {@link
 * FillTimeProperties#minimum()} and at most {@link FillTimeProperties#maximum()} later. A bot that
 * posts in bulk pays the fill time per application; a forged or altered ticket is refused. The key
 * is one per installation (kept with {@link InstallationSecrets}), so a ticket issued by one node
 * is good on every other node and after a restart.
 */
@Component
public class FormTickets {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final FillTimeProperties properties;
  private final Supplier<byte[]> keySource;
  private volatile byte[] key;

  @Autowired
  public FormTickets(Clock clock, FillTimeProperties properties, InstallationSecrets secrets) {
    this(clock, properties, () -> secrets.obtain(InstallationSecrets.FORM_TICKET_KEY));
  }

  /** With a random key of its own (tests). */
  public FormTickets(Clock clock, FillTimeProperties properties) {
    this(clock, properties, FormTickets::randomKey);
  }

  private FormTickets(Clock clock, FillTimeProperties properties, Supplier<byte[]> keySource) {
    this.clock = clock;
    this.properties = properties;
    this.keySource = keySource;
  }

  private static byte[] randomKey() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }

  /** The key, read (or generated and stored) on first use rather than while the context starts. */
  private byte[] key() {
    byte[] known = key;
    if (known == null) {
      known = keySource.get();
      key = known;
    }
    return known;
  }

  /** A ticket for a form shown now. */
  public String issue() {
    return issue(clock.instant());
  }

  /** A ticket for a form shown at the given time (tests: a form filled long enough ago). */
  public String issue(Instant renderedAt) {
    byte[] time = ByteBuffer.allocate(Long.BYTES).putLong(renderedAt.toEpochMilli()).array();
    return ENCODER.encodeToString(time) + "." + ENCODER.encodeToString(sign(time));
  }

  /**
   * @throws FormTicketException when the ticket is missing, altered, too old or the form was sent
   *     sooner than a person fills it
   */
  void check(String ticket) {
    Instant renderedAt = verifiedTime(ticket);
    Duration taken = Duration.between(renderedAt, clock.instant());
    if (taken.compareTo(properties.maximum()) > 0) {
      throw new FormTicketException(FormTicketException.Reason.EXPIRED);
    }
    if (taken.compareTo(properties.minimum()) < 0) {
      throw new FormTicketException(FormTicketException.Reason.TOO_FAST);
    }
  }

  private Instant verifiedTime(String ticket) {
    int dot = ticket == null ? -1 : ticket.indexOf('.');
    if (dot < 0) {
      throw new FormTicketException(FormTicketException.Reason.INVALID);
    }
    try {
      byte[] time = Base64.getUrlDecoder().decode(ticket.substring(0, dot));
      byte[] signature = Base64.getUrlDecoder().decode(ticket.substring(dot + 1));
      if (time.length != Long.BYTES || !MessageDigest.isEqual(sign(time), signature)) {
        throw new FormTicketException(FormTicketException.Reason.INVALID);
      }
      return Instant.ofEpochMilli(ByteBuffer.wrap(time).getLong());
    } catch (IllegalArgumentException notBase64) {
      throw new FormTicketException(FormTicketException.Reason.INVALID);
    }
  }

  private byte[] sign(byte[] time) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      mac.update("partnerflow-apply-form:".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return mac.doFinal(time);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
