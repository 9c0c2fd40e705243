package io.partnerflow.app.enablement.certification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The title and introduction every answer of the verification page starts with. */
final class VerifyCertificateHeader {

  private VerifyCertificateHeader() {}

  static <T extends Component & HasComponents> void addTo(T page) {
    Paragraph intro = new Paragraph(page.getTranslation("verify.certificate.intro"));
    intro.addClassNames(LumoUtility.TextColor.SECONDARY);
    page.add(new H2(page.getTranslation("verify.certificate.title")), intro);
  }

  /** A refusal in the page's error colours, with an id tests and people can point at. */
  static Div refusal(String id, String text) {
    Div refusal = new Div(text);
    refusal.setId(id);
    refusal.addClassNames(
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Background.ERROR_10,
        LumoUtility.TextColor.ERROR);
    return refusal;
  }
}
