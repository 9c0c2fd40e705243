package io.partnerflow.app.partner.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.partnerflow.app.partner.PartnerService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/** A partner user's way to their own organisation's page. */
@Route("my-organisation")
@RolesAllowed("PARTNER")
@Menu(order = 21, title = "nav.myOrganisation", icon = "OFFICE")
public class MyOrganisationView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {

  private final PartnerService partners;

  public MyOrganisationView(PartnerService partners) {
    this.partners = partners;
    setId("my-organisation-view");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Long> mine = partners.myPartnerId();
    if (mine.isPresent()) {
      event.forwardTo(PartnerView.class, new RouteParameters("id", String.valueOf(mine.get())));
    } else {
      removeAll();
      add(new Paragraph(getTranslation("partner.noOrganisation")));
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.myOrganisation") + " | " + getTranslation("app.name");
  }
}
