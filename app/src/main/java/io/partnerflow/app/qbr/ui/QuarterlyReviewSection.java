package io.partnerflow.app.qbr.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.ui.PartnerPageSection;
import io.partnerflow.app.qbr.PartnerReview;
import io.partnerflow.app.qbr.QuarterlyResults;
import io.partnerflow.app.qbr.QuarterlyReview;
import io.partnerflow.app.qbr.ReviewAction;
import io.partnerflow.app.qbr.ReviewStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;

/**
 * The review history on the partner page: for the partner's manager, team leads and administrators
 * every review with scores and internal notes; for the partner's own users (the page behind "my
 * organisation") their reviews without scores or notes. {@link QuarterlyResults} checks again on
 * the server.
 */
@org.springframework.stereotype.Component
@Order(30)
class QuarterlyReviewSection implements PartnerPageSection {

  private final QuarterlyResults results;
  private final AuthenticationContext authentication;

  QuarterlyReviewSection(QuarterlyResults results, AuthenticationContext authentication) {
    this.results = results;
    this.authentication = authentication;
  }

  @Override
  public Optional<Component> sectionFor(Partner partner) {
    try {
      if (authentication.hasRole("PARTNER")) {
        return Optional.of(history(results.ofMyOrganisation(), null));
      }
      if (authentication.hasAnyRole("ADMIN", "PARTNER_MANAGER")) {
        List<QuarterlyReview> reviews = results.ofPartner(partner.id());
        List<PartnerReview> shown =
            reviews.stream()
                .map(review -> staffView(review, results.actionsOf(review.id())))
                .toList();
        return Optional.of(history(shown, reviews));
      }
      return Optional.empty();
    } catch (AccessDeniedException e) {
      // another manager's partner: the page shows the rest without the reviews
      return Optional.empty();
    }
  }

  private static PartnerReview staffView(QuarterlyReview review, List<ReviewAction> actions) {
    return new PartnerReview(
        review.id(),
        review.target(),
        review.actuals(),
        review.selfAssessment(),
        review.status(),
        review.opensAt(),
        review.missedAt(),
        actions);
  }

  /** The reviews, newest first; {@code internal} (same order) adds scores and notes for staff. */
  private static Component history(List<PartnerReview> reviews, List<QuarterlyReview> internal) {
    VerticalLayout section = new VerticalLayout();
    section.setId("qbr-history");
    section.setPadding(false);
    section.add(new H3(section.getTranslation("qbr.section.title")));
    if (reviews.isEmpty()) {
      Paragraph none = new Paragraph(section.getTranslation("qbr.section.none"));
      none.setId("qbr-history-none");
      section.add(none);
    }
    for (int i = 0; i < reviews.size(); i++) {
      section.add(review(section, reviews.get(i), internal == null ? null : internal.get(i)));
    }
    return section;
  }

  private static Component review(Component t, PartnerReview review, QuarterlyReview internal) {
    Div box = new Div();
    box.addClassName("qbr-review");
    box.getElement().setAttribute("data-quarter", review.quarter());
    box.getStyle().set("margin-bottom", "var(--lumo-space-l)").set("width", "100%");
    Span status = new Span(t.getTranslation("qbr.status." + review.status().name()));
    status.addClassName("qbr-review-status");
    status
        .getElement()
        .getThemeList()
        .add(review.status() == ReviewStatus.COMPLETED ? "badge success" : "badge contrast");
    HorizontalLayout heading = new HorizontalLayout(new H4(review.quarter()), status);
    heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    if (internal != null && internal.escalatedAt() != null) {
      Span escalated = new Span(t.getTranslation("qbr.escalated"));
      escalated.getElement().getThemeList().add("badge error");
      heading.add(escalated);
    }
    if (internal != null && internal.totalScore() != null) {
      Span total =
          new Span(
              t.getTranslation("qbr.total")
                  + ": "
                  + t.getTranslation("qbr.total.value", internal.totalScore().toPlainString()));
      total.addClassName("qbr-review-total");
      total.getElement().getThemeList().add("badge");
      heading.add(total);
    }
    box.add(heading);
    if (review.status() == ReviewStatus.SCHEDULED) {
      box.add(new Paragraph(t.getTranslation("qbr.opensOn", day(review.opensAt()))));
    } else if (review.status().open()) {
      box.add(new Paragraph(t.getTranslation("qbr.missedOn", day(review.missedAt()))));
    }
    box.add(new TargetsTable(review.target(), review.actuals()));
    if (review.selfAssessment() != null) {
      box.add(new H4(t.getTranslation("qbr.selfAssessment")));
      Paragraph text = new Paragraph(review.selfAssessment());
      text.addClassName("qbr-review-self-assessment");
      box.add(text);
    }
    if (internal != null && internal.managerNotes() != null) {
      box.add(new H4(t.getTranslation("qbr.notes")));
      Paragraph notes = new Paragraph(internal.managerNotes());
      notes.addClassName("qbr-review-notes");
      box.add(notes);
    }
    if (!review.actions().isEmpty()) {
      box.add(new H4(t.getTranslation("qbr.actions")));
      for (ReviewAction action : review.actions()) {
        Span state =
            new Span(
                t.getTranslation(action.doneAt() == null ? "qbr.action.open" : "qbr.action.done"));
        state
            .getElement()
            .getThemeList()
            .add(action.doneAt() == null ? "badge contrast small" : "badge success small");
        HorizontalLayout row =
            new HorizontalLayout(
                new Span(action.description()),
                new Span(t.getTranslation("qbr.action.side." + action.side().name())),
                new Span(t.getTranslation("qbr.action.due") + " " + action.dueDate()),
                state);
        row.addClassName("qbr-review-action");
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        box.add(row);
      }
    }
    return box;
  }

  private static String day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
