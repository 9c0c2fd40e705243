package io.partnerflow.app.enablement.certification.worker;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.enablement.certification.Certificate;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Recipient;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.SystemIdentity;
import io.partnerflow.app.security.UserAccount;
import io.partnerflow.app.security.UserAccountService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code certification-notice}: the notice named in header {@code template} — {@code
 * certificate-issued} and {@code certificate-renewal-reminder} to the holder (in the language they
 * asked for the exam in), {@code certificate-lapsed} to the holder and the partner's manager (the
 * owner; without one every partner manager; staff in English). Each notice is keyed by the job and
 * the recipient, so a retried job sends nothing twice.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class CertificationNoticeWorker {

  static final String ISSUED = "certificate-issued";
  static final String RENEWAL_REMINDER = "certificate-renewal-reminder";
  static final String LAPSED = "certificate-lapsed";
  private static final String MANAGERS = "partner-managers";

  private final CertificationService certification;
  private final PartnerService partners;
  private final UserAccountService users;
  private final NotificationService notifications;
  private final RecruitmentProperties links;
  private final TransactionTemplate transaction;

  CertificationNoticeWorker(
      CertificationService certification,
      PartnerService partners,
      UserAccountService users,
      NotificationService notifications,
      RecruitmentProperties links,
      TransactionTemplate transaction) {
    this.certification = certification;
    this.partners = partners;
    this.users = users;
    this.notifications = notifications;
    this.links = links;
    this.transaction = transaction;
  }

  @JobWorker(type = "certification-notice")
  public void send(
      ActivatedJob job,
      @VariablesAsType CertificationVariables variables,
      @CustomHeaders Map<String, String> headers) {
    String template = headers.get("template");
    if (template == null) {
      throw new IllegalArgumentException("The task has no header 'template'");
    }
    long certificateId = variables.requireCertificateId();
    Certificate certificate = SystemIdentity.call(() -> certification.certificate(certificateId));
    Partner partner =
        SystemIdentity.call(() -> partners.findById(certificate.partnerId())).orElseThrow();
    List<Addressee> addressees = addressees(template, certificate, partner, variables);
    transaction.executeWithoutResult(
        tx -> {
          for (Addressee to : addressees) {
            notifications.enqueue(
                template,
                to.recipient(),
                to.locale(),
                parameters(template, certificate, partner, to),
                Reference.of(Reference.PARTNER, partner.id()),
                null,
                "job/" + job.getKey() + "/" + to.recipient().email());
          }
        });
  }

  private List<Addressee> addressees(
      String template, Certificate certificate, Partner partner, CertificationVariables variables) {
    Locale holderLocale =
        "zh".equals(variables.language()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    List<Addressee> to = new ArrayList<>();
    holder(certificate, variables).ifPresent(user -> to.add(addressee(user, holderLocale)));
    switch (template) {
      case ISSUED, RENEWAL_REMINDER -> {}
      case LAPSED -> to.addAll(managers(partner));
      default -> throw new IllegalArgumentException("No recipients known for " + template);
    }
    return to;
  }

  private java.util.Optional<UserAccount> holder(
      Certificate certificate, CertificationVariables variables) {
    if (variables.username() == null) {
      return java.util.Optional.empty();
    }
    return users
        .findByUsername(variables.username())
        .filter(user -> user.id() == certificate.userId() && user.email() != null);
  }

  private List<Addressee> managers(Partner partner) {
    if (partner.ownerUsername() != null) {
      List<Addressee> owner =
          users.findByUsername(partner.ownerUsername()).stream()
              .filter(user -> user.enabled() && user.email() != null)
              .map(user -> addressee(user, Locale.ENGLISH))
              .toList();
      if (!owner.isEmpty()) {
        return owner;
      }
    }
    return SystemIdentity.call(() -> users.membersOf(MANAGERS)).stream()
        .filter(user -> user.email() != null)
        .map(user -> addressee(user, Locale.ENGLISH))
        .toList();
  }

  private Map<String, Object> parameters(
      String template, Certificate certificate, Partner partner, Addressee to) {
    boolean chinese = "zh".equals(to.locale().getLanguage());
    Map<String, Object> params = new HashMap<>();
    params.put("recipientName", to.name());
    params.put(
        "certificationName",
        chinese ? certificate.certificationNameZh() : certificate.certificationNameEn());
    switch (template) {
      case ISSUED -> {
        params.put("expiresOn", day(certificate.expiresAt()));
        params.put("portalLink", links.link("portal/certifications"));
      }
      case RENEWAL_REMINDER -> {
        params.put("expiresOn", day(certificate.expiresAt()));
        params.put("portalLink", links.link("portal/certifications"));
      }
      default -> {
        params.put("holderName", certificate.holderName());
        params.put("partnerName", partner.name());
        params.put("expiredOn", day(certificate.expiresAt()));
      }
    }
    return params;
  }

  private static String day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static Addressee addressee(UserAccount user, Locale locale) {
    return new Addressee(new Recipient(user.email(), user.displayName()), locale);
  }

  private record Addressee(Recipient recipient, Locale locale) {

    String name() {
      return recipient.name() == null ? recipient.email() : recipient.name();
    }
  }
}
