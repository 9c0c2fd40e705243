package io.partnerflow.app.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code partnerflow.notification.*}. SMTP itself is Spring Boot's {@code spring.mail.*}:
 * notices are sent only when {@code spring.mail.host} is set.
 *
 * @param from sender address of every notice, optionally with a name: {@code Name <address>}
 * @param dispatchInterval pause between two runs of the dispatcher (on every node)
 * @param batchSize most notices one run sends
 * @param maxAttempts attempts per notice before it is marked FAILED
 * @param retryDelay wait after a failed attempt, multiplied by the number of attempts so far
 * @param withoutSmtp what happens to new notices while SMTP is not configured
 * @param senders threads of the dispatcher's own pool, each sending one notice at a time: a hanging
 *     SMTP connection holds up one of them, never the others or the platform's other schedules
 */
@ConfigurationProperties("partnerflow.notification")
public record NotificationProperties(
    @DefaultValue("Partnerflow <no-reply@partnerflow.invalid>") String from,
    @DefaultValue("30s") Duration dispatchInterval,
    @DefaultValue("20") int batchSize,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("5m") Duration retryDelay,
    @DefaultValue("SKIP") WithoutSmtp withoutSmtp,
    @DefaultValue("2") int senders) {

  public NotificationProperties {
    if (batchSize < 1 || maxAttempts < 1 || senders < 1) {
      throw new IllegalArgumentException("batch-size, max-attempts and senders must be at least 1");
    }
  }

  /** What the outbox does with a new notice while {@code spring.mail.host} is not set. */
  public enum WithoutSmtp {
    /**
     * Store it as SKIPPED ("SMTP not configured"), visible as such in the outbox; it is sent once
     * the platform runs with SMTP configured.
     */
    SKIP,
    /** Store it as PENDING: sent when the platform next runs with SMTP configured. */
    KEEP_PENDING
  }
}
