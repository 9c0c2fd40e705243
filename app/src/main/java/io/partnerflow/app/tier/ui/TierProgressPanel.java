package io.partnerflow.app.tier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.tier.RequirementProgress;
import io.partnerflow.app.tier.TierOverview;
import io.partnerflow.app.tier.TierRequirement;
import io.partnerflow.app.tier.TierStanding;

/**
 * Per tier what is met and what is missing, with a progress bar per requirement ("2 of 3 certified
 * sales professionals"). Shows only what {@link TierOverview} holds: counts, no people.
 */
public class TierProgressPanel extends VerticalLayout {

  public TierProgressPanel(TierOverview overview) {
    setId("tier-progress");
    setPadding(false);
    setSpacing(false);
    add(new H3(getTranslation("tier.progress.title")));
    Paragraph current =
        new Paragraph(getTranslation("tier.progress.current", tier(overview.current())));
    current.setId("tier-progress-current");
    add(current);
    if (overview.qualifiesFor() != overview.current()) {
      Paragraph next =
          new Paragraph(
              getTranslation(
                  overview.qualifiesFor().compareTo(overview.current()) > 0
                      ? "tier.progress.qualifiesHigher"
                      : "tier.progress.qualifiesLower",
                  tier(overview.qualifiesFor())));
      next.setId("tier-progress-qualifies");
      add(next);
    }
    overview.tiers().forEach(standing -> add(standing(standing)));
  }

  private Component standing(TierStanding standing) {
    Div box = new Div();
    box.setId("tier-" + standing.tier().name().toLowerCase());
    box.addClassName("tier-standing");
    box.getStyle().set("margin-bottom", "var(--lumo-space-m)").set("width", "100%");
    Span badge =
        new Span(
            getTranslation(standing.met() ? "tier.progress.tierMet" : "tier.progress.tierMissing"));
    badge.getElement().getThemeList().add(standing.met() ? "badge success" : "badge contrast");
    HorizontalLayout heading = new HorizontalLayout(new H4(tier(standing.tier())), badge);
    heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    box.add(heading);
    if (standing.requirements().isEmpty()) {
      box.add(new Paragraph(getTranslation("tier.progress.nothing")));
    }
    standing.requirements().forEach(progress -> box.add(requirement(progress)));
    return box;
  }

  private Component requirement(RequirementProgress progress) {
    TierRequirement requirement = progress.requirement();
    Span text = new Span(describe(progress));
    text.addClassName("tier-requirement-text");
    Span state =
        new Span(getTranslation(progress.met() ? "tier.progress.met" : "tier.progress.missing"));
    state
        .getElement()
        .getThemeList()
        .add(progress.met() ? "badge success small" : "badge error small");
    ProgressBar bar = new ProgressBar(0, 1, fraction(progress));
    bar.setWidth("14em");
    if (progress.met()) {
      bar.addThemeName("success");
    }
    HorizontalLayout row = new HorizontalLayout(bar, text, state);
    row.addClassName("tier-requirement");
    row.getElement()
        .setAttribute(
            "data-requirement",
            requirement.certification() == null
                ? requirement.requirement()
                : requirement.certification());
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    return row;
  }

  private static double fraction(RequirementProgress progress) {
    long required = progress.requirement().required();
    return required <= 0 ? 1 : Math.min(1, (double) progress.have() / required);
  }

  private String describe(RequirementProgress progress) {
    TierRequirement requirement = progress.requirement();
    return switch (requirement.requirement()) {
      case TierRequirement.CONTRACT ->
          getTranslation(
              progress.met() ? "tier.requirement.contract.met" : "tier.requirement.contract");
      case TierRequirement.CERTIFICATION ->
          getTranslation(
              // "3 of 2" reads wrong: beyond the requirement, say how many are needed
              progress.have() > requirement.required()
                  ? "tier.requirement.certification.more"
                  : "tier.requirement.certification",
              progress.have(),
              requirement.required(),
              certification(requirement.certification()));
      default ->
          getTranslation(
              "tier.requirement.other",
              requirement.requirement(),
              progress.have(),
              requirement.required());
    };
  }

  /** A certification's plural name ("certified sales professionals"); its code when unknown. */
  private String certification(String code) {
    String key = "tier.certification." + code;
    String name = getTranslation(key);
    return name == null || name.startsWith("!") || name.equals(key) ? code : name;
  }

  private String tier(PartnerTier tier) {
    return getTranslation("partner.tier." + tier.name());
  }
}
