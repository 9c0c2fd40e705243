package io.partnerflow.app.enablement.certification.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.partnerflow.app.enablement.catalogue.CatalogueService;
import io.partnerflow.app.enablement.certification.Certificate;
import io.partnerflow.app.enablement.certification.CertificationExams;
import io.partnerflow.app.enablement.certification.CertificationOffer;
import io.partnerflow.app.enablement.certification.CertificationRefusedException;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.enablement.certification.document.CertificatePdf;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The partner user's certifications: every active certification with their progress ("2 of 3
 * courses passed"), the exam when they may take it, their certificates with expiry, download in
 * both languages and the public verification link; the main contact also sees the organisation's
 * other valid certificates.
 */
@Route("portal/certifications")
@RolesAllowed("PARTNER")
@Menu(order = 8, title = "nav.certifications", icon = "DIPLOMA")
class CertificationsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final CertificationExams exams;
  private final CertificationService certification;
  private final CatalogueService catalogue;
  private final CertificatePdf pdf;
  private final Clock clock;
  private final Div message = new Div();

  public CertificationsView(
      CertificationExams exams,
      CertificationService certification,
      CatalogueService catalogue,
      CertificatePdf pdf,
      Clock clock) {
    this.clock = clock;
    this.exams = exams;
    this.certification = certification;
    this.catalogue = catalogue;
    this.pdf = pdf;
    setId("certifications-view");
    message.setId("certifications-message");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    show();
  }

  private void show() {
    removeAll();
    add(new H2(getTranslation("nav.certifications")), message);
    List<CertificationOffer> offers = exams.offers();
    if (offers.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("certification.portal.none"));
      none.setId("certifications-none");
      add(none);
    }
    for (CertificationOffer offer : offers) {
      add(card(offer));
    }
    List<Certificate> mine = certification.mine();
    add(new H3(getTranslation("certification.portal.mine")));
    if (mine.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("certification.portal.mineNone"));
      none.setId("my-certificates-none");
      add(none);
    } else {
      mine.forEach(certificate -> add(certificateRow(certificate, true)));
    }
    List<Certificate> colleagues =
        certification.organisationCertificates().stream()
            .filter(c -> mine.stream().noneMatch(own -> own.id() == c.id()))
            .toList();
    if (!colleagues.isEmpty()) {
      add(new H3(getTranslation("certification.portal.organisation")));
      colleagues.forEach(certificate -> add(certificateRow(certificate, false)));
    }
  }

  private Div card(CertificationOffer offer) {
    boolean chinese = chinese();
    var certification = offer.certification();
    Div card = new Div();
    card.setId("certification-" + certification.code());
    card.addClassNames(
        "certification-offer",
        LumoUtility.Padding.MEDIUM,
        LumoUtility.Border.ALL,
        LumoUtility.BorderColor.CONTRAST_10,
        LumoUtility.BorderRadius.MEDIUM);
    card.setWidthFull();
    card.getStyle().set("max-width", "48rem");
    Span name = new Span(certification.name(chinese ? "zh" : "en"));
    name.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
    Paragraph summary = new Paragraph(certification.summary(chinese ? "zh" : "en"));
    summary.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.XSMALL);
    Span progress =
        new Span(
            getTranslation(
                "certification.portal.coursesPassed",
                offer.coursesPassed(),
                offer.coursesRequired()));
    progress.setId("courses-passed-" + certification.code());
    ProgressBar bar =
        new ProgressBar(0, Math.max(1, offer.coursesRequired()), offer.coursesPassed());
    bar.setWidth("16em");
    card.add(name, summary, new HorizontalLayout(bar, progress));
    if (!offer.missingCourseCodes().isEmpty()) {
      card.add(
          new Paragraph(
              getTranslation(
                  "certification.portal.missing",
                  String.join(
                      ", ", offer.missingCourseCodes().stream().map(this::courseTitle).toList()))));
    }
    card.add(action(offer));
    return card;
  }

  private com.vaadin.flow.component.Component action(CertificationOffer offer) {
    String code = offer.certification().code();
    if (offer.held() != null) {
      Span held =
          new Span(getTranslation("certification.portal.held", date(offer.held().expiresAt())));
      held.setId("certified-" + code);
      held.addClassNames(LumoUtility.TextColor.SUCCESS, LumoUtility.FontWeight.SEMIBOLD);
      if (offer.examTaskKey() == null) {
        return held;
      }
      return new VerticalLayout(held, examButton(offer.examTaskKey(), code, true));
    }
    if (offer.examTaskKey() != null) {
      return examButton(offer.examTaskKey(), code, false);
    }
    if (offer.examStarting()) {
      Span starting = new Span(getTranslation("certification.portal.starting"));
      starting.setId("exam-starting-" + code);
      return starting;
    }
    Button request = new Button(getTranslation("certification.portal.takeExam"));
    request.setId("request-exam-" + code);
    request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    if (!offer.mayRequestExam()) {
      request.setEnabled(false);
      request.setTooltipText(
          getTranslation(
              offer.certification().examQuizId() == null
                  ? "certification.error.noExam"
                  : "certification.portal.coursesFirst"));
      return request;
    }
    request.addClickListener(click -> requestExam(offer));
    return request;
  }

  private Button examButton(long taskKey, String code, boolean recertification) {
    Button take =
        new Button(
            getTranslation(
                recertification
                    ? "certification.portal.takeRecertification"
                    : "certification.portal.takeExam"),
            click -> UI.getCurrent().navigate("portal/tasks/" + taskKey));
    take.setId("take-exam-" + code);
    take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    return take;
  }

  private void requestExam(CertificationOffer offer) {
    long certificationId = offer.certification().id();
    try {
      exams.requestExam(certificationId, chinese() ? "zh" : "en");
    } catch (CertificationRefusedException refused) {
      error(getTranslation(refused.messageKey(), refused.parameters()));
      return;
    }
    // the task opens right after the start; wait briefly so the person lands on the exam
    Optional<Long> task = Optional.empty();
    for (int i = 0; i < 50 && task.isEmpty(); i++) {
      task = exams.examTask(certificationId);
      if (task.isEmpty()) {
        sleep();
      }
    }
    if (task.isPresent()) {
      UI.getCurrent().navigate("portal/tasks/" + task.get());
    } else {
      show();
    }
  }

  private Div certificateRow(Certificate certificate, boolean own) {
    boolean chinese = chinese();
    Div row = new Div();
    row.setId("certificate-" + certificate.id());
    row.addClassNames("certificate-row", LumoUtility.Padding.Vertical.XSMALL);
    String name = chinese ? certificate.certificationNameZh() : certificate.certificationNameEn();
    Span title = new Span(own ? name : certificate.holderName() + " · " + name);
    title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    boolean valid = certificate.validAt(clock.instant());
    Span state =
        new Span(
            getTranslation(
                "certification.portal.status." + (valid ? "VALID" : statusOf(certificate))));
    state.setId("certificate-status-" + certificate.id());
    state.getElement().getThemeList().add("badge " + (valid ? "success" : "contrast"));
    Span period =
        new Span(
            getTranslation(
                "certification.portal.period",
                date(certificate.issuedAt()),
                date(certificate.expiresAt())));
    Anchor english =
        download(certificate, Locale.ENGLISH, "certification.portal.downloadEn", "download-en-");
    Anchor chineseCopy =
        download(
            certificate,
            Locale.SIMPLIFIED_CHINESE,
            "certification.portal.downloadZh",
            "download-zh-");
    Anchor verify =
        new Anchor(
            pdf.verificationUrl(certificate), getTranslation("certification.portal.verifyLink"));
    verify.setTarget(AnchorTarget.BLANK);
    verify.setId("verify-link-" + certificate.id());
    HorizontalLayout line =
        new HorizontalLayout(title, state, period, english, chineseCopy, verify);
    line.setAlignItems(Alignment.BASELINE);
    line.setWrap(true);
    row.add(line);
    return row;
  }

  private static String statusOf(Certificate certificate) {
    return certificate.status()
            == io.partnerflow.app.enablement.certification.CertificateStatus.VALID
        ? "LAPSED"
        : certificate.status().name();
  }

  private Anchor download(
      Certificate certificate, Locale locale, String labelKey, String idPrefix) {
    Anchor anchor =
        new Anchor(CertificatePdf.downloadPath(certificate.id(), locale), getTranslation(labelKey));
    anchor.getElement().setAttribute("router-ignore", true);
    anchor.getElement().setAttribute("download", true);
    anchor.setId(idPrefix + certificate.id());
    return anchor;
  }

  private String courseTitle(String code) {
    return catalogue
        .latestPublished(code)
        .map(version -> chinese() ? version.titleZh() : version.titleEn())
        .orElse(code);
  }

  private void error(String text) {
    message.setText(text);
    message.addClassNames(LumoUtility.TextColor.ERROR);
  }

  private boolean chinese() {
    return "zh".equals(getLocale().getLanguage());
  }

  private String date(Instant instant) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(getLocale())
        .format(instant.atZone(ZoneOffset.UTC));
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.certifications") + " | " + getTranslation("app.name");
  }
}
