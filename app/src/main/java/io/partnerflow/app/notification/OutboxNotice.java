package io.partnerflow.app.notification;

import java.time.Instant;

/**
 * A notice in the outbox, as the administrators' outbox view shows it. A secret link in the body is
 * {@link SecretLink#MASK}; {@code secretLinkKind} and {@code secretLinkSubject} say which link the
 * dispatcher puts there when it sends the notice.
 */
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
    String referenceId,
    String secretLinkKind,
    String secretLinkSubject) {

  /** Whether an administrator may send it again. */
  public boolean retryable() {
    return status == NotificationStatus.FAILED || status == NotificationStatus.SKIPPED;
  }
}
