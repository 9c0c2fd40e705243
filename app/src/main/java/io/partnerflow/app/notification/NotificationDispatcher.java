package io.partnerflow.app.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due PENDING notices over SMTP every {@code dispatch-interval}, when SMTP is configured.
 * Each notice is claimed with {@code FOR UPDATE SKIP LOCKED} in its own transaction, so several
 * nodes share the work without sending a notice twice; a node that dies while sending leaves the
 * notice PENDING, to be sent again (at least once). A failed attempt is recorded and retried after
 * {@code retry-delay × attempts}; after {@code max-attempts} the notice is FAILED.
 */
@Component
class NotificationDispatcher implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final OutboxRepository outbox;
  private final NotificationProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final TransactionTemplate transaction;

  NotificationDispatcher(
      OutboxRepository outbox,
      NotificationProperties properties,
      ObjectProvider<JavaMailSender> mailSender,
      PlatformTransactionManager transactionManager) {
    this.outbox = outbox;
    this.properties = properties;
    this.mailSender = mailSender;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::dispatchSafely, properties.dispatchInterval());
  }

  private void dispatchSafely() {
    try {
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
    while (handled < properties.batchSize()
        && Boolean.TRUE.equals(transaction.execute(status -> dispatchNext(sender)))) {
      handled++;
    }
    return handled;
  }

  private boolean dispatchNext(JavaMailSender sender) {
    Optional<OutboxNotice> due = outbox.lockNextDue();
    if (due.isEmpty()) {
      return false;
    }
    OutboxNotice notice = due.get();
    int attempts = notice.attempts() + 1;
    try {
      sender.send(message(sender, notice));
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
    return true;
  }

  private MimeMessage message(JavaMailSender sender, OutboxNotice notice)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(new InternetAddress(notice.recipientEmail(), notice.recipientName(), "UTF-8"));
    helper.setSubject(notice.subject());
    helper.setText(PlainText.of(notice.body()), notice.body());
    message.setHeader("X-Partnerflow-Notice", String.valueOf(notice.id()));
    return message;
  }
}
