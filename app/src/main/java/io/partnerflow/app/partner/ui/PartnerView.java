package io.partnerflow.app.partner.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.partnerflow.app.audit.AuditLinks;
import io.partnerflow.app.modeling.ProcessStepNames;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerContact;
import io.partnerflow.app.partner.PartnerEvent;
import io.partnerflow.app.partner.PartnerProcessHistory;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.partner.PartnerTier;
import io.partnerflow.app.partner.ProcessStep;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * One partner: its data, contacts and timeline. Partner users reach only their own organisation;
 * any other id looks to them exactly like one that does not exist.
 */
@Route("partners/:id([0-9]{1,18})")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT", "PARTNER"})
public class PartnerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final PartnerService partners;
  private final PartnerProcessHistory processes;
  private final AuthenticationContext authentication;
  private final List<PartnerPageSection> sections;
  private Partner partner;

  public PartnerView(
      PartnerService partners,
      PartnerProcessHistory processes,
      AuthenticationContext authentication,
      List<PartnerPageSection> sections) {
    this.processes = processes;
    this.partners = partners;
    this.authentication = authentication;
    this.sections = sections;
    setId("partner-view");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Partner> found;
    try {
      found = event.getRouteParameters().getLong("id").flatMap(partners::findById);
    } catch (AccessDeniedException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      event.rerouteToError(NotFoundException.class, getTranslation("partner.notFound"));
      return;
    }
    partner = found.get();
    render();
  }

  private void render() {
    removeAll();
    Locale locale = getLocale();
    H2 title = new H2(partner.name());
    title.setId("partner-name");
    add(title, details(locale));
    if (authentication.hasAnyRole("ADMIN", "PARTNER_MANAGER")) {
      add(changes());
    }
    // sections of other features (e.g. tier progress), each deciding what the viewer may see
    sections.forEach(section -> section.sectionFor(partner).ifPresent(this::add));
    add(new H3(getTranslation("partner.contacts")), contacts());
    add(new H3(getTranslation("partner.timeline")), timeline(locale));
    if (authentication.hasRole("ADMIN")) {
      // who changed what, from the audit trail (administrators only)
      Anchor history =
          new Anchor(AuditLinks.forPartner(partner.id()), getTranslation("audit.partnerHistory"));
      history.setId("partner-audit-history");
      history.getElement().setAttribute("router-link", true);
      add(history);
    }
  }

  private FormLayout details(Locale locale) {
    FormLayout details = new FormLayout();
    details.setId("partner-details");
    details.addFormItem(website(), getTranslation("partner.field.website"));
    details.addFormItem(
        value(PartnerLabels.country(partner.country(), locale)),
        getTranslation("partner.field.country"));
    details.addFormItem(
        value(PartnerLabels.of(this, partner.type())), getTranslation("partner.field.type"));
    details.addFormItem(
        value(PartnerLabels.of(this, partner.tier())), getTranslation("partner.field.tier"));
    details.addFormItem(
        value(PartnerLabels.of(this, partner.status())), getTranslation("partner.field.status"));
    if (isStaff()) {
      // internal to the vendor: who owns the relationship and how the assessment scored it
      details.addFormItem(value(partner.ownerUsername()), getTranslation("partner.field.owner"));
      details.addFormItem(
          value(partner.fitScore() == null ? "" : String.valueOf(partner.fitScore())),
          getTranslation("partner.field.fitScore"));
    }
    details.addFormItem(
        value(PartnerLabels.dateTime(partner.createdAt(), locale)),
        getTranslation("partner.field.createdAt"));
    return details;
  }

  private boolean isStaff() {
    return authentication.hasAnyRole("ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT");
  }

  private Component website() {
    if (partner.website() == null) {
      return value("");
    }
    Anchor link = new Anchor(partner.website(), partner.website());
    link.setTarget("_blank");
    link.getElement().setAttribute("rel", "noopener noreferrer");
    return link;
  }

  private static Span value(String text) {
    return new Span(text == null ? "" : text);
  }

  private HorizontalLayout changes() {
    ComboBox<PartnerTier> tier = new ComboBox<>(getTranslation("partner.field.tier"));
    tier.setId("partner-change-tier");
    tier.setItems(PartnerTier.values());
    tier.setItemLabelGenerator(value -> PartnerLabels.of(this, value));
    tier.setValue(partner.tier());
    ComboBox<PartnerStatus> status = new ComboBox<>(getTranslation("partner.field.status"));
    status.setId("partner-change-status");
    status.setItems(PartnerStatus.values());
    status.setItemLabelGenerator(value -> PartnerLabels.of(this, value));
    status.setValue(partner.status());
    Button save =
        new Button(
            getTranslation("partner.save"),
            click -> {
              tier.setInvalid(tier.getValue() == null);
              status.setInvalid(status.getValue() == null);
              tier.setErrorMessage(getTranslation("partner.error.required"));
              status.setErrorMessage(getTranslation("partner.error.required"));
              if (tier.isInvalid() || status.isInvalid()) {
                return;
              }
              partners.changeTier(partner.id(), tier.getValue());
              partners.changeStatus(partner.id(), status.getValue());
              partner = partners.findById(partner.id()).orElseThrow();
              render();
              Notification.show(getTranslation("partner.saved"))
                  .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
    save.setId("partner-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout changes = new HorizontalLayout(tier, status, save);
    changes.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    return changes;
  }

  private Component contacts() {
    var list = partners.contacts(partner.id());
    if (list.isEmpty()) {
      return new Paragraph(getTranslation("partner.contacts.none"));
    }
    Grid<PartnerContact> grid = new Grid<>();
    grid.setId("partner-contacts");
    grid.addColumn(PartnerContact::name).setHeader(getTranslation("partner.contact.name"));
    grid.addColumn(PartnerContact::email).setHeader(getTranslation("partner.contact.email"));
    grid.addColumn(PartnerContact::phone).setHeader(getTranslation("partner.contact.phone"));
    grid.addColumn(PartnerContact::role).setHeader(getTranslation("partner.contact.role"));
    grid.addColumn(contact -> contact.primary() ? getTranslation("partner.contact.primary") : "")
        .setHeader("");
    grid.setItems(list);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Component timeline(Locale locale) {
    UnorderedList list = new UnorderedList();
    list.setId("partner-timeline");
    // the partner's own records and the steps of its processes, newest first
    List<Map.Entry<Instant, String>> entries = new ArrayList<>();
    for (PartnerEvent event : partners.timeline(partner.id())) {
      entries.add(Map.entry(event.occurredAt(), describe(event) + reason(event)));
    }
    boolean staff = isStaff();
    for (ProcessStep step : processes.of(partner.id())) {
      String name =
          ProcessStepNames.step(step.processId(), step.elementId(), step.elementName(), locale);
      // partner users get only their own tasks from the service, and no process ids
      entries.add(
          Map.entry(
              step.endedAt() == null ? step.startedAt() : step.endedAt(),
              staff
                  ? getTranslation(
                      "partner.step." + step.state(),
                      name,
                      ProcessStepNames.process(step.processId(), locale))
                  : getTranslation("partner.ownStep." + step.state(), name)));
    }
    entries.sort(Map.Entry.<Instant, String>comparingByKey().reversed());
    for (Map.Entry<Instant, String> entry : entries) {
      list.add(
          new ListItem(PartnerLabels.dateTime(entry.getKey(), locale) + " – " + entry.getValue()));
    }
    return list;
  }

  private String describe(PartnerEvent event) {
    // without an actor (a partner user's view) the sentence names nobody
    String key =
        "partner.event." + event.kind().name() + (event.actor() == null ? ".anonymous" : "");
    return switch (event.kind()) {
      case CREATED ->
          getTranslation(key, label(PartnerTier.class, event.newValue()), event.actor());
      case TIER_CHANGED ->
          getTranslation(
              key,
              label(PartnerTier.class, event.oldValue()),
              label(PartnerTier.class, event.newValue()),
              event.actor());
      case STATUS_CHANGED ->
          getTranslation(
              key,
              label(PartnerStatus.class, event.oldValue()),
              label(PartnerStatus.class, event.newValue()),
              event.actor());
      case OWNER_CHANGED ->
          getTranslation(
              key,
              event.oldValue() == null ? "–" : event.oldValue(),
              event.newValue(),
              event.actor());
    };
  }

  /** Why a process made the change, in the reader's language (an unknown code as it is). */
  private String reason(PartnerEvent event) {
    if (event.reason() == null) {
      return "";
    }
    String key = "partner.reason." + event.reason();
    String text = getTranslation(key);
    boolean missing = text == null || text.startsWith("!") || text.equals(key);
    return getTranslation("partner.reason", missing ? event.reason() : text);
  }

  private <E extends Enum<E>> String label(Class<E> type, String name) {
    if (name == null) {
      return "–";
    }
    try {
      return PartnerLabels.of(this, Enum.valueOf(type, name));
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  @Override
  public String getPageTitle() {
    String name = partner == null ? getTranslation("nav.partners") : partner.name();
    return name + " | " + getTranslation("app.name");
  }
}
