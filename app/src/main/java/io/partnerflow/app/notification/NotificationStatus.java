package io.partnerflow.app.notification;

/** Where a notice in the outbox stands. */
public enum NotificationStatus {
  /** Waiting for the dispatcher (also between failed attempts). */
  PENDING,
  SENT,
  /** Gave up after the configured number of attempts; an administrator may retry. */
  FAILED,
  /** Not sent on purpose (e.g. SMTP not configured); an administrator may retry. */
  SKIPPED
}
