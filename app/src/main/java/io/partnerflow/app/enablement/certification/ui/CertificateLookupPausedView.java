package io.partnerflow.app.enablement.certification.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.partnerflow.app.enablement.certification.CertificateLookupPausedException;
import io.partnerflow.app.recruitment.ui.PublicLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The verification page while the client's address is paused for asking for too many unknown codes:
 * how long to wait, with HTTP 429 and Retry-After. No code is checked meanwhile.
 */
@ParentLayout(PublicLayout.class)
@AnonymousAllowed
// public: Vaadin registers only public error views
public class CertificateLookupPausedView extends VerticalLayout
    implements HasErrorParameter<CertificateLookupPausedException>, HasDynamicTitle {

  private final Clock clock;

  public CertificateLookupPausedView(Clock clock) {
    this.clock = clock;
    setId("verify-certificate-view");
    setPadding(false);
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<CertificateLookupPausedException> parameter) {
    Instant until = parameter.getException().until();
    long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
    removeAll();
    VerifyCertificateHeader.addTo(this);
    add(
        VerifyCertificateHeader.refusal(
            "verify-paused", getTranslation("verify.certificate.paused", seconds)));
    // Vaadin accepts no 429 here; the page load gets 429 from VerifyPageStatusFilter
    return HttpStatusCode.SERVICE_UNAVAILABLE.getCode();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("verify.certificate.title") + " | " + getTranslation("app.name");
  }
}
