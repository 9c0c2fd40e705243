package io.partnerflow.app.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail notices through an outbox: {@link #enqueue} renders a template and stores the notice in
 * the caller's transaction (so a notice exists exactly when the business change committed); the
 * {@link NotificationDispatcher} sends it over SMTP later. Reading and retrying the outbox is for
 * administrators.
 */
@Service
public class NotificationService {

  static final String SMTP_NOT_CONFIGURED = "SMTP not configured (spring.mail.host is not set)";

  private final OutboxRepository outbox;
  private final TemplateRenderer renderer;
  private final NotificationProperties properties;
  private final ObjectProvider<JavaMailSender> mailSender;

  NotificationService(
      OutboxRepository outbox,
      TemplateRenderer renderer,
      NotificationProperties properties,
      ObjectProvider<JavaMailSender> mailSender) {
    this.outbox = outbox;
    this.renderer = renderer;
    this.properties = properties;
    this.mailSender = mailSender;
  }

  /**
   * Renders the template in the recipient's language and stores the notice: PENDING when SMTP is
   * configured, otherwise as {@code partnerflow.notification.without-smtp} says (SKIPPED by
   * default; sent once SMTP is configured). Joins the caller's transaction.
   *
   * @param templateId one of {@link NotificationTemplates}
   * @param locale the recipient's language (Chinese or English; anything else gets English)
   * @param params a value for every {@code {name}} of the template; links must be http(s)
   * @param reference what the notice is about, or {@link Reference#none()}
   * @return the notice's id
   * @throws IllegalArgumentException for an unknown template or a missing or unsafe parameter
   */
  @Transactional
  public long enqueue(
      String templateId,
      Recipient recipient,
      Locale locale,
      Map<String, ?> params,
      Reference reference) {
    return enqueue(templateId, recipient, locale, params, reference, null, null);
  }

  /**
   * Like {@link #enqueue(String, Recipient, Locale, Map, Reference)}, with two guarantees on top.
   *
   * @param secretLink a link that is a credential: stored masked, issued when the notice is sent;
   *     null for none
   * @param eventKey the business event the notice is about (e.g. the job that queued it): a second
   *     notice with the same key is not stored, its first notice's id is returned; null for none
   */
  @Transactional
  public long enqueue(
      String templateId,
      Recipient recipient,
      Locale locale,
      Map<String, ?> params,
      Reference reference,
      SecretLink secretLink,
      String eventKey) {
    Map<String, Object> values = new HashMap<>(params == null ? Map.of() : params);
    if (secretLink != null) {
      values.put(secretLink.parameter(), SecretLink.MASK);
    }
    RenderedNotice notice = renderer.render(templateId, locale, values);
    boolean skip =
        !smtpConfigured() && properties.withoutSmtp() == NotificationProperties.WithoutSmtp.SKIP;
    return outbox.insert(
        templateId,
        recipient,
        TemplateRenderer.languageTag(locale),
        notice,
        skip ? NotificationStatus.SKIPPED : NotificationStatus.PENDING,
        skip ? SMTP_NOT_CONFIGURED : null,
        reference == null ? Reference.none() : reference,
        secretLink,
        eventKey);
  }

  /** Renders without storing: for previews. */
  public RenderedNotice render(String templateId, Locale locale, Map<String, ?> params) {
    return renderer.render(templateId, locale, params);
  }

  /** Whether notices can be sent: {@code spring.mail.host} is set. */
  public boolean smtpConfigured() {
    return mailSender.getIfAvailable() != null;
  }

  /** Newest first; {@code status} null for all. */
  @Secured("ROLE_ADMIN")
  @Transactional(readOnly = true)
  public List<OutboxNotice> search(NotificationStatus status, int offset, int limit) {
    return outbox.search(status, Math.max(0, offset), Math.max(0, Math.min(limit, 500)));
  }

  @Secured("ROLE_ADMIN")
  @Transactional(readOnly = true)
  public long count(NotificationStatus status) {
    return outbox.count(status);
  }

  @Secured("ROLE_ADMIN")
  @Transactional(readOnly = true)
  public Optional<OutboxNotice> findById(long id) {
    return outbox.findById(id);
  }

  /** The notices about one application, partner, ..., oldest first. */
  @Secured("ROLE_ADMIN")
  @Transactional(readOnly = true)
  public List<OutboxNotice> findByReference(Reference reference) {
    return outbox.findByReference(reference);
  }

  /**
   * Puts a FAILED or SKIPPED notice back in the queue with fresh attempts.
   *
   * @return false when the notice is in no such state (e.g. sent meanwhile)
   * @throws IllegalStateException while SMTP is not configured
   */
  @Secured("ROLE_ADMIN")
  @Transactional
  public boolean retry(long id) {
    if (!smtpConfigured()) {
      throw new IllegalStateException(SMTP_NOT_CONFIGURED);
    }
    return outbox.requeue(id);
  }
}
