package io.partnerflow.app.notification;

import java.time.Instant;

/** A notice in the outbox, as the administrators' outbox view shows it. */
public record OutboxNotice(
    long id,
    String template,
    String recipientEmail,
    String recipientName,
    String locale,
    String subject,
    String body,
    NotificationStatus status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt,
    String referenceType,
    String referenceId) {

  /** Whether an administrator may send it again. */
  public boolean retryable() {
    return status == NotificationStatus.FAILED || status == NotificationStatus.SKIPPED;
  }
}
