package io.partnerflow.app.recruitment.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.partnerflow.app.base.ui.LanguageSwitch;
import java.util.Objects;

/** The frame of the applicant's pages: the platform's name and the language switch, no menu. */
@AnonymousAllowed
public class PublicLayout extends Div implements RouterLayout {

  private final Main content = new Main();

  public PublicLayout() {
    setId("public-layout");
    addClassNames(LumoUtility.Padding.MEDIUM);
    getStyle().set("max-width", "52rem").set("margin", "0 auto");
    Span brand = new Span(getTranslation("app.name"));
    brand.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.BOLD);
    HorizontalLayout bar = new HorizontalLayout(brand, new LanguageSwitch());
    bar.setWidthFull();
    bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(new Header(bar), content);
  }

  @Override
  public void showRouterLayoutContent(HasElement view) {
    content.getElement().removeAllChildren();
    if (view != null) {
      content.getElement().appendChild(Objects.requireNonNull(view.getElement()));
    }
  }
}
