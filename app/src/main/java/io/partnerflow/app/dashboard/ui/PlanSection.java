package io.partnerflow.app.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Plan attainment per partner and the reviews due: read from the quarterly business reviews once
 * they exist; until then an empty state says where the figures will come from.
 */
class PlanSection extends Div {

  PlanSection() {
    setId("home-plans");
    addClassName("pf-chart");
    H3 title = new H3(getTranslation("dashboard.home.plans"));
    title.addClassName("pf-chart-title");
    add(title);
    Paragraph empty = new Paragraph(getTranslation("dashboard.home.plansEmpty"));
    empty.addClassName("pf-chart-empty");
    add(empty);
  }
}
