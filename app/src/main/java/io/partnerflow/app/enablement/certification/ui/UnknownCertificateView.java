package io.partnerflow.app.enablement.certification.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.partnerflow.app.enablement.certification.UnknownCertificateException;
import io.partnerflow.app.recruitment.ui.PublicLayout;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The verification page's answer to a code no certificate has: the same page with "unknown". The
 * page load gets HTTP 404 ({@link VerifyPageStatusFilter}), so that a link checker or a script sees
 * the code is not valid.
 */
@ParentLayout(PublicLayout.class)
@AnonymousAllowed
// public: Vaadin registers only public error views
public class UnknownCertificateView extends VerticalLayout
    implements HasErrorParameter<UnknownCertificateException>, HasDynamicTitle {

  public UnknownCertificateView() {
    setId("verify-certificate-view");
    setPadding(false);
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<UnknownCertificateException> parameter) {
    removeAll();
    VerifyCertificateHeader.addTo(this);
    add(
        VerifyCertificateHeader.refusal(
            "verify-unknown", getTranslation("verify.certificate.unknown")));
    return HttpServletResponse.SC_NOT_FOUND;
  }

  @Override
  public String getPageTitle() {
    return getTranslation("verify.certificate.title") + " | " + getTranslation("app.name");
  }
}
