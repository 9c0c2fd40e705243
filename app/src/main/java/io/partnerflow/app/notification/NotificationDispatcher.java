package io.partnerflow.app.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sends due PENDING notices over SMTP every {@code dispatch-interval}, when SMTP is configured, on
 * its own pool of {@code senders} threads (never Spring's shared scheduler, so a hanging SMTP
 * server holds up neither the other senders nor the platform's other schedules).
 *
 * <p>A notice is claimed in a short transaction (its next attempt moved {@link #CLAIM} ahead, with
 * {@code FOR UPDATE SKIP LOCKED}), so several threads and nodes share the work; it is sent outside
 * any transaction, then its outcome is recorded. A node that dies while sending leaves the notice
 * to be sent again when the claim runs out (at least once). A failed attempt is retried after
 * {@code retry-delay × attempts}; after {@code max-attempts} the notice is FAILED. Notices SKIPPED
 * for want of SMTP are queued again once SMTP is configured. A secret link is issued just before
 * sending ({@link SecretLinkIssuer}).
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

  /** Longer than any SMTP conversation may take with the configured time-outs. */
  static final Duration CLAIM = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final OutboxRepository outbox;
  private final NotificationProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final Map<String, SecretLinkIssuer> issuers;
  private final AtomicBoolean skippedRequeued = new AtomicBoolean();
  private volatile ThreadPoolTaskScheduler scheduler;

  NotificationDispatcher(
      OutboxRepository outbox,
      NotificationProperties properties,
      ObjectProvider<JavaMailSender> mailSender,
      List<SecretLinkIssuer> issuers) {
    this.outbox = outbox;
    this.properties = properties;
    this.mailSender = mailSender;
    this.issuers =
        issuers.stream().collect(Collectors.toMap(SecretLinkIssuer::kind, Function.identity()));
  }

  @Override
  public void start() {
    ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
    pool.setPoolSize(properties.senders());
    pool.setThreadNamePrefix("notification-");
    pool.setDaemon(true);
    pool.initialize();
    for (int sender = 0; sender < properties.senders(); sender++) {
      pool.scheduleWithFixedDelay(this::dispatchSafely, properties.dispatchInterval());
    }
    scheduler = pool;
  }

  @Override
  public void stop() {
    ThreadPoolTaskScheduler pool = scheduler;
    scheduler = null;
    if (pool != null) {
      // a send in progress is abandoned; its claim runs out and it is sent again (at least once)
      pool.shutdown();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  private void dispatchSafely() {
    try {
      if (!skippedRequeued.get() && mailSender.getIfAvailable() != null) {
        // SMTP cannot be configured while running: once per start is enough
        requeueSkipped();
        skippedRequeued.set(true);
      }
      dispatchDue();
    } catch (RuntimeException e) {
      // e.g. the database is briefly unreachable: the next run tries again
      log.warn("Notification dispatch failed: {}", e.toString());
    }
  }

  /** One run: sends up to {@code batch-size} due notices; returns how many were handled. */
  int dispatchDue() {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    int handled = 0;
    while (handled < properties.batchSize()) {
      Optional<OutboxNotice> due = outbox.claimNextDue(CLAIM);
      if (due.isEmpty()) {
        break;
      }
      send(sender, due.get());
      handled++;
    }
    return handled;
  }

  private void send(JavaMailSender sender, OutboxNotice notice) {
    int attempts = notice.attempts() + 1;
    try {
      sender.send(message(sender, notice, body(notice)));
      outbox.markSent(notice.id(), attempts);
    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (attempts >= properties.maxAttempts()) {
        outbox.markFailed(notice.id(), attempts, error);
        log.warn("Notice {} FAILED after {} attempts: {}", notice.id(), attempts, error);
      } else {
        outbox.markFailedAttempt(
            notice.id(), attempts, error, properties.retryDelay().multipliedBy(attempts));
        log.info("Notice {} attempt {} failed, will retry: {}", notice.id(), attempts, error);
      }
    }
  }

  /** Queues the notices skipped for want of SMTP, now that it is configured. */
  int requeueSkipped() {
    int requeued = outbox.requeueSkipped(NotificationService.SMTP_NOT_CONFIGURED);
    if (requeued > 0) {
      log.info("SMTP is configured now: {} skipped notice(s) queued for sending", requeued);
    }
    return requeued;
  }

  /** The stored body with its secret link, if any, issued now (it exists only in the e-mail). */
  private String body(OutboxNotice notice) {
    if (notice.secretLinkKind() == null) {
      return notice.body();
    }
    SecretLinkIssuer issuer = issuers.get(notice.secretLinkKind());
    if (issuer == null) {
      throw new IllegalStateException("No issuer of secret links " + notice.secretLinkKind());
    }
    String link = issuer.issue(notice.secretLinkSubject());
    return notice.body().replace(SecretLink.MASK, TemplateRenderer.escapeHtml(link));
  }

  private MimeMessage message(JavaMailSender sender, OutboxNotice notice, String body)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(new InternetAddress(notice.recipientEmail(), notice.recipientName(), "UTF-8"));
    helper.setSubject(notice.subject());
    helper.setText(PlainText.of(body), body);
    message.setHeader("X-Partnerflow-Notice", String.valueOf(notice.id()));
    return message;
  }
}
