package io.partnerflow.app.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.audit.AuditEntry;
import io.partnerflow.app.audit.AuditFilter;
import io.partnerflow.app.audit.AuditLinks;
import io.partnerflow.app.audit.AuditLog;
import io.partnerflow.app.base.DisplayZone;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The audit trail for administrators: who did what, when, from where, newest first, filtered and
 * paged lazily (the table grows without bound), one entry's before and after in full, and the
 * current filter as a CSV download. Accepts {@code ?partner=<id>} and {@code ?instance=<key>}.
 */
@Route(AuditLinks.ROUTE)
@RolesAllowed("ADMIN")
@Menu(order = 93, title = "nav.audit", icon = "CLIPBOARD_TEXT")
class AuditLogView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final AuditLog auditLog;
  private final Clock clock;
  private final Grid<AuditEntry> grid = new Grid<>();
  private final VerticalLayout detail = new VerticalLayout();
  private final AuditFilterBar filters = new AuditFilterBar(this::apply);
  // read by the download, which runs outside the UI's lock
  private volatile AuditFilter filter = AuditFilter.all();

  AuditLogView(AuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
    setId("audit-view");
    setSizeFull();
    configureGrid();
    detail.setId("audit-detail");
    detail.setPadding(false);
    detail.setVisible(false);
    add(filters, actions(), grid, detail);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    QueryParameters query = event.getLocation().getQueryParameters();
    String partner = query.getSingleParameter("partner").orElse(null);
    String instance = query.getSingleParameter("instance").orElse(null);
    if (partner != null || instance != null) {
      filters.preset(partner, instance);
    }
  }

  private HorizontalLayout actions() {
    Anchor export =
        new Anchor(
            new AuditCsvDownload(auditLog, () -> filter, clock),
            AttachmentType.DOWNLOAD,
            getTranslation("audit.export"));
    export.setId("audit-export");
    return new HorizontalLayout(export);
  }

  private void configureGrid() {
    grid.setId("audit-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setHeight("60%");
    // fixed widths that share what is left: a long typed username must not push the change away
    grid.addColumn(entry -> dateTime(entry.occurredAt()))
        .setHeader(getTranslation("audit.occurredAt"))
        .setWidth("13em")
        .setFlexGrow(0);
    grid.addColumn(AuditEntry::actor)
        .setHeader(getTranslation("audit.actor"))
        .setTooltipGenerator(AuditEntry::actor)
        .setWidth("8em");
    grid.addColumn(entry -> getTranslation("audit.action." + entry.action().name()))
        .setHeader(getTranslation("audit.action"))
        .setWidth("9em");
    grid.addColumn(this::subject)
        .setHeader(getTranslation("audit.subject"))
        .setTooltipGenerator(this::subject)
        .setWidth("9em");
    grid.addColumn(this::change)
        .setHeader(getTranslation("audit.change"))
        .setTooltipGenerator(this::change)
        .setWidth("12em")
        .setFlexGrow(3);
    grid.addColumn(AuditEntry::clientAddress)
        .setHeader(getTranslation("audit.clientAddress"))
        .setWidth("7em");
    // no count: counting a large table on every filter change costs more than it tells
    grid.setItems(query -> auditLog.find(filter, query.getOffset(), query.getLimit()).stream());
    grid.asSingleSelect().addValueChangeListener(event -> show(event.getValue()));
  }

  private void apply(AuditFilter changed) {
    filter = changed;
    grid.getDataProvider().refreshAll();
    show(null);
  }

  private String subject(AuditEntry entry) {
    String type = getTranslation("audit.subject." + entry.subject().type());
    return type + " " + entry.subject().id();
  }

  private String change(AuditEntry entry) {
    String before = AuditJson.oneLine(entry.before());
    String after = AuditJson.oneLine(entry.after());
    if (before.isEmpty()) {
      return after;
    }
    return before + " → " + after;
  }

  private void show(AuditEntry entry) {
    detail.removeAll();
    detail.setVisible(entry != null);
    if (entry == null) {
      return;
    }
    H3 title =
        new H3(getTranslation("audit.action." + entry.action().name()) + " · " + subject(entry));
    title.setId("audit-detail-title");
    Span who =
        new Span(
            getTranslation(
                "audit.detail.who",
                entry.actor(),
                dateTime(entry.occurredAt()),
                entry.clientAddress() == null ? "—" : entry.clientAddress()));
    HorizontalLayout links = new HorizontalLayout();
    if (entry.subject().partnerId() != null) {
      links.add(
          new Anchor(
              "partners/" + entry.subject().partnerId(),
              getTranslation("audit.detail.partner", String.valueOf(entry.subject().partnerId()))));
    }
    if (entry.subject().processInstanceKey() != null) {
      links.add(
          new Anchor(
              AuditLinks.forInstance(entry.subject().processInstanceKey()),
              getTranslation(
                  "audit.detail.instance", String.valueOf(entry.subject().processInstanceKey()))));
    }
    Pre before = new Pre(AuditJson.indented(entry.before()));
    before.setId("audit-detail-before");
    Pre after = new Pre(AuditJson.indented(entry.after()));
    after.setId("audit-detail-after");
    VerticalLayout beforeBox = new VerticalLayout(new Span(getTranslation("audit.before")), before);
    VerticalLayout afterBox = new VerticalLayout(new Span(getTranslation("audit.after")), after);
    beforeBox.setPadding(false);
    afterBox.setPadding(false);
    HorizontalLayout values = new HorizontalLayout(beforeBox, afterBox);
    values.setWidthFull();
    detail.add(title, who, links, values);
  }

  private String dateTime(Instant instant) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
        .withLocale(getLocale())
        .withZone(DisplayZone.get())
        .format(instant);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.audit") + " | " + getTranslation("app.name");
  }
}
