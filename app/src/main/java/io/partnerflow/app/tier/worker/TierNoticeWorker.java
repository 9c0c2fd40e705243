package io.partnerflow.app.tier.worker;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.tier.worker.TierRecipients.Addressee;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code tier-notice}: tells the partner's main contact and manager about the tier change
 * (header {@code template}: {@code tier-upgraded} or {@code tier-downgraded}), tier names in each
 * recipient's language. Each notice is keyed by the job and the recipient, so a retried job sends
 * nothing twice.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class TierNoticeWorker {

  private final PartnerService partners;
  private final TierRecipients recipients;
  private final NotificationService notifications;
  private final TranslationProvider translations;
  private final TransactionTemplate transaction;

  TierNoticeWorker(
      PartnerService partners,
      TierRecipients recipients,
      NotificationService notifications,
      TranslationProvider translations,
      TransactionTemplate transaction) {
    this.partners = partners;
    this.recipients = recipients;
    this.notifications = notifications;
    this.translations = translations;
    this.transaction = transaction;
  }

  @JobWorker(
      type = "tier-notice",
      fetchVariables = {"partnerId", "previousTier", "newTier"})
  public void send(
      ActivatedJob job,
      @Variable Long partnerId,
      @Variable String previousTier,
      @Variable String newTier,
      @CustomHeaders Map<String, String> headers) {
    String template = headers.get("template");
    if (template == null || partnerId == null || newTier == null) {
      throw new IllegalStateException("tier-notice needs header template, partnerId and newTier");
    }
    Partner partner = SystemIdentity.call(() -> partners.findById(partnerId)).orElseThrow();
    transaction.executeWithoutResult(
        tx -> {
          for (Addressee to : recipients.of(partner)) {
            Map<String, Object> params = new HashMap<>();
            params.put("recipientName", to.name());
            params.put("partnerName", partner.name());
            params.put("previousTier", tierName(previousTier, to.locale()));
            params.put("newTier", tierName(newTier, to.locale()));
            notifications.enqueue(
                template,
                to.recipient(),
                to.locale(),
                params,
                Reference.of(Reference.PARTNER, partner.id()),
                null,
                "job/" + job.getKey() + "/" + to.recipient().email());
          }
        });
  }

  private String tierName(String tier, Locale locale) {
    return tier == null ? "" : translations.getTranslation("partner.tier." + tier, locale);
  }
}
