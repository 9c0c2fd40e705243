package io.partnerflow.app.enablement.certification.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.partnerflow.app.enablement.certification.CertificateLookupPausedException;
import io.partnerflow.app.enablement.certification.CertificateVerification;
import io.partnerflow.app.enablement.certification.PublicCertificate;
import io.partnerflow.app.enablement.certification.UnknownCertificateException;
import io.partnerflow.app.recruitment.ui.PublicLayout;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The public page {@code /verify/<code>} (no login): whether the certificate with that verification
 * code is valid, with its holder's name, the certification, the issue and expiry dates — nothing
 * else. An unknown code, whatever its form, gets the same "unknown" page with HTTP 404 ({@link
 * UnknownCertificateView}); an address that asked for too many unknown codes is paused with HTTP
 * 429 ({@link CertificateLookupPausedView}).
 */
@Route(value = "verify/:code", layout = PublicLayout.class, autoLayout = false)
@AnonymousAllowed
class VerifyCertificateView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final CertificateVerification verification;

  public VerifyCertificateView(CertificateVerification verification) {
    this.verification = verification;
    setId("verify-certificate-view");
    setPadding(false);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String code = event.getRouteParameters().get("code").orElse("");
    removeAll();
    PublicCertificate found;
    try {
      found = verification.verify(code, clientAddress());
    } catch (UnknownCertificateException | CertificateLookupPausedException refused) {
      event.rerouteToError(refused, refused.getMessage());
      return;
    }
    VerifyCertificateHeader.addTo(this);
    show(found);
  }

  /** The connecting address as the servlet container sees it (see the login throttle). */
  private static String clientAddress() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request == null ? null : request.getRemoteAddr();
  }

  private void show(PublicCertificate certificate) {
    boolean valid = certificate.state() == PublicCertificate.State.VALID;
    Div verdict =
        new Div(getTranslation("verify.certificate.explain." + certificate.state().name()));
    verdict.setId("verify-verdict");
    verdict.getElement().setAttribute("data-state", certificate.state().name());
    verdict.addClassNames(
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.FontWeight.SEMIBOLD,
        valid ? LumoUtility.Background.SUCCESS_10 : LumoUtility.Background.ERROR_10,
        valid ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.ERROR);
    add(verdict);
    boolean chinese = "zh".equals(getLocale().getLanguage());
    Div facts = new Div();
    facts.setId("verify-facts");
    facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr");
    facts.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-l)");
    fact(facts, "verify.certificate.holder", certificate.holderName(), "verify-holder");
    fact(
        facts,
        "verify.certificate.certification",
        chinese ? certificate.certificationNameZh() : certificate.certificationNameEn(),
        "verify-certification");
    fact(facts, "verify.certificate.issued", date(certificate.issuedAt()), "verify-issued");
    fact(facts, "verify.certificate.expires", date(certificate.expiresAt()), "verify-expires");
    fact(
        facts,
        "verify.certificate.state",
        getTranslation("verify.certificate.state." + certificate.state().name()),
        "verify-state");
    add(facts);
  }

  private void fact(Div facts, String labelKey, String value, String id) {
    Span label = new Span(getTranslation(labelKey));
    label.addClassNames(LumoUtility.TextColor.SECONDARY);
    Span text = new Span(value);
    text.setId(id);
    facts.add(label, text);
  }

  private String date(Instant instant) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(getLocale())
        .format(instant.atZone(ZoneOffset.UTC));
  }

  @Override
  public String getPageTitle() {
    return getTranslation("verify.certificate.title") + " | " + getTranslation("app.name");
  }
}
