package io.partnerflow.app.recruitment.application;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The time-to-fill check of the public form: when the form is shown it gets a ticket, its render
 * time signed with HMAC-SHA256; the submission must bring the ticket back, at least {@link
 * FillTimeProperties#minimum()} and at most {@link FillTimeProperties#maximum()} later. A bot that
 * posts in bulk pays the fill time per application; a forged or altered ticket is refused. The key
 * is random per start: a form shown before a restart is simply reloaded.
 */
@Component
public class FormTickets {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final FillTimeProperties properties;
  private final byte[] key = new byte[32];

  public FormTickets(Clock clock, FillTimeProperties properties) {
    this.clock = clock;
    this.properties = properties;
    new SecureRandom().nextBytes(key);
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
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update("partnerflow-apply-form:".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return mac.doFinal(time);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
