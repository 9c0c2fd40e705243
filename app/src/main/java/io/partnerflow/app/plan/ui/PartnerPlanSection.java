package io.partnerflow.app.plan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.ui.PartnerPageSection;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.plan.PlanStatus;
import io.partnerflow.app.plan.PlanVersion;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;

/**
 * The joint business plan on the partner page, read-only, for the partner's manager, team leads and
 * administrators; {@link BusinessPlans} checks it again on the server.
 */
@org.springframework.stereotype.Component
@Order(20)
class PartnerPlanSection implements PartnerPageSection {

  private final BusinessPlans plans;
  private final AuthenticationContext authentication;

  PartnerPlanSection(BusinessPlans plans, AuthenticationContext authentication) {
    this.plans = plans;
    this.authentication = authentication;
  }

  @Override
  public Optional<Component> sectionFor(Partner partner) {
    if (!authentication.hasAnyRole("ADMIN", "PARTNER_MANAGER")) {
      return Optional.empty();
    }
    List<PlanVersion> versions;
    try {
      versions = plans.versions(partner.id());
    } catch (AccessDeniedException e) {
      // another manager's partner: the page shows the rest, without the plan
      return Optional.empty();
    }
    Div section = new Div();
    section.setId("partner-plan");
    section.setWidthFull();
    section.add(new H3(section.getTranslation("plan.section.title")));
    if (versions.isEmpty()) {
      section.add(new Paragraph(section.getTranslation("plan.none")));
      return Optional.of(section);
    }
    PlanVersion current = versions.get(0);
    section.add(PlanLabels.status(current, section));
    PlanEditor editor = new PlanEditor(plans.productLines(), true);
    editor.setValue(current.content());
    if (current.status() == PlanStatus.RETURNED) {
      editor.showComments(current.reviewComments());
    }
    section.add(editor);
    return Optional.of(section);
  }
}
