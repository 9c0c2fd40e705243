package io.partnerflow.app.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
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
import io.camunda.client.api.search.response.ProcessDefinition;
import io.partnerflow.app.audit.AuditLinks;
import io.partnerflow.app.monitoring.DiagramMarkers;
import io.partnerflow.app.monitoring.DiagramNames;
import io.partnerflow.app.monitoring.ElementStep;
import io.partnerflow.app.monitoring.IncidentEntry;
import io.partnerflow.app.monitoring.InstanceDetails;
import io.partnerflow.app.monitoring.InstanceInspectionService;
import io.partnerflow.app.monitoring.InstanceOperationsService;
import io.partnerflow.app.monitoring.InstanceState;
import io.partnerflow.app.monitoring.MigrationService;
import io.partnerflow.app.monitoring.MonitoringException;
import io.partnerflow.app.monitoring.OperationResult;
import io.partnerflow.app.monitoring.ProcessOverviewService;
import io.partnerflow.app.monitoring.VariableEntry;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * One process instance: its diagram with the path taken, open incidents with Retry, the element
 * history, the variables (editable), and Cancel, Migrate and the audit trail.
 */
@Route("operations/instances/:key([0-9]{1,19})")
@RolesAllowed("ADMIN")
class InstanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final InstanceInspectionService inspection;
  private final InstanceOperationsService operations;
  private final MigrationService migration;
  private final ProcessOverviewService processes;
  private final H2 title = new H2();
  private final Span state = new Span();
  private final BpmnViewer diagram = new BpmnViewer();
  private final Grid<IncidentEntry> incidents = new Grid<>();
  private final Grid<ElementStep> history = new Grid<>();
  private final Grid<VariableEntry> variables = new Grid<>();
  private final Button cancel = new Button();
  private final Button migrate = new Button();
  private final Anchor audit = new Anchor();
  private long key;
  private InstanceDetails details;

  public InstanceView(
      InstanceInspectionService inspection,
      InstanceOperationsService operations,
      MigrationService migration,
      ProcessOverviewService processes) {
    this.inspection = inspection;
    this.operations = operations;
    this.migration = migration;
    this.processes = processes;
    setId("instance-view");
    setWidthFull();
    title.setId("instance-title");
    state.setId("instance-state");
    cancel.setId("instance-cancel");
    cancel.setText(getTranslation("monitoring.cancel"));
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
    cancel.addClickListener(event -> confirmCancel());
    migrate.setId("instance-migrate-one");
    migrate.setText(getTranslation("monitoring.migrate"));
    migrate.addClickListener(event -> openMigration());
    audit.setId("instance-audit");
    audit.setText(getTranslation("monitoring.auditTrail"));
    HorizontalLayout header = new HorizontalLayout(title, state, cancel, migrate, audit);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.setWrap(true);
    add(
        header,
        diagram,
        new H3(getTranslation("monitoring.incidents")),
        incidentGrid(),
        new H3(getTranslation("monitoring.history")),
        historyGrid(),
        new H3(getTranslation("monitoring.variables")),
        variableGrid());
  }

  private Grid<IncidentEntry> incidentGrid() {
    incidents.setId("instance-incidents");
    incidents.setAllRowsVisible(true);
    incidents.setEmptyStateText(getTranslation("monitoring.empty.instanceIncidents"));
    incidents.addColumn(IncidentEntry::elementId).setHeader(getTranslation("monitoring.element"));
    incidents.addColumn(IncidentEntry::errorType).setHeader(getTranslation("monitoring.errorType"));
    incidents
        .addColumn(IncidentEntry::message)
        .setHeader(getTranslation("monitoring.errorMessage"))
        .setFlexGrow(3);
    incidents
        .addColumn(row -> MonitoringFormats.dateTime(row.created(), getLocale()))
        .setHeader(getTranslation("monitoring.created"));
    incidents.addComponentColumn(this::retryButton).setKey("retry");
    return incidents;
  }

  private Button retryButton(IncidentEntry incident) {
    Button retry = new Button(getTranslation("monitoring.retry"));
    retry.setId("retry-" + incident.key());
    retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
    retry.addClickListener(
        event -> {
          OperationResult result = operations.retry(incident.key());
          notify(result.succeeded(), result.messageKey(), result.detail());
          load();
        });
    return retry;
  }

  private Grid<ElementStep> historyGrid() {
    history.setId("instance-history");
    history.setAllRowsVisible(true);
    history.addThemeVariants(GridVariant.LUMO_COMPACT);
    history
        .addColumn(
            step ->
                DiagramNames.step(
                    details.instance().processId(), step.elementId(), step.name(), getLocale()))
        .setHeader(getTranslation("monitoring.element"))
        .setFlexGrow(2);
    history.addColumn(ElementStep::type).setHeader(getTranslation("monitoring.type"));
    history
        .addColumn(step -> getTranslation("monitoring.elementState." + step.state()))
        .setHeader(getTranslation("monitoring.state"));
    history
        .addColumn(step -> MonitoringFormats.dateTime(step.started(), getLocale()))
        .setHeader(getTranslation("monitoring.started"));
    history
        .addColumn(step -> MonitoringFormats.dateTime(step.ended(), getLocale()))
        .setHeader(getTranslation("monitoring.ended"));
    return history;
  }

  private Grid<VariableEntry> variableGrid() {
    variables.setId("instance-variables");
    variables.setAllRowsVisible(true);
    variables.setEmptyStateText(getTranslation("monitoring.empty.variables"));
    variables.addThemeVariants(GridVariant.LUMO_COMPACT);
    variables.addColumn(VariableEntry::name).setHeader(getTranslation("monitoring.variable"));
    variables
        .addColumn(VariableEntry::json)
        .setHeader(getTranslation("monitoring.value"))
        .setFlexGrow(3);
    variables.addColumn(VariableEntry::scopeKey).setHeader(getTranslation("monitoring.scope"));
    variables.addComponentColumn(this::editButton).setKey("edit");
    return variables;
  }

  private Button editButton(VariableEntry variable) {
    Button edit = new Button(getTranslation("monitoring.edit"));
    edit.setId("edit-variable-" + variable.name());
    edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    edit.setEnabled(details != null && details.instance().state() == InstanceState.ACTIVE);
    edit.addClickListener(
        event ->
            new VariableEditor(
                    variable,
                    value -> {
                      operations.setVariable(key, variable.key(), value);
                      notify(true, "monitoring.variableSaved", variable.name());
                      load();
                    })
                .open());
    return edit;
  }

  private void confirmCancel() {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("instance-cancel-confirm");
    confirm.setHeader(getTranslation("monitoring.cancel.header"));
    confirm.setText(getTranslation("monitoring.cancel.text", key));
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("monitoring.keep"));
    confirm.setConfirmText(getTranslation("monitoring.cancel"));
    confirm.setConfirmButtonTheme("error primary");
    confirm.addConfirmListener(
        event -> {
          try {
            operations.cancel(key);
            notify(true, "monitoring.cancelled", null);
          } catch (MonitoringException e) {
            notify(false, e.messageKey(), e.detail());
          }
          load();
        });
    confirm.open();
  }

  private void openMigration() {
    ProcessDefinition source =
        processes.definitions().stream()
            .filter(d -> d.getProcessDefinitionKey() == details.instance().definitionKey())
            .findFirst()
            .orElseThrow();
    new MigrationDialog(migration, processes, source, List.of(key), this::load).open();
  }

  private void notify(boolean ok, String messageKey, String detail) {
    String text = getTranslation(messageKey) + (detail == null ? "" : ": " + detail);
    Notification notification = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(
        ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
  }

  private void load() {
    try {
      details = inspection.inspect(key);
    } catch (MonitoringException e) {
      throw new NotFoundException();
    }
    var instance = details.instance();
    title.setText(
        DiagramNames.step(
                instance.processId(), instance.processId(), instance.processName(), getLocale())
            + " · v"
            + instance.version()
            + " · "
            + instance.key());
    state.setText(
        getTranslation("monitoring.state." + instance.state().name())
            + (details.incidents().isEmpty() ? "" : " · " + getTranslation("monitoring.incident")));
    state.getElement().getThemeList().clear();
    state.getElement().getThemeList().add(badgeTheme(instance.state(), details.incidents()));
    boolean running = instance.state() == InstanceState.ACTIVE;
    cancel.setEnabled(running);
    migrate.setEnabled(running);
    audit.setHref(AuditLinks.forInstance(key));
    diagram.show(
        DiagramNames.translated(details.bpmnXml(), instance.processId(), getLocale()),
        DiagramMarkers.of(details.bpmnXml(), details.history(), details.incidents()));
    incidents.setItems(details.incidents());
    history.setItems(details.history());
    variables.setItems(details.variables());
  }

  private static String badgeTheme(InstanceState state, List<IncidentEntry> open) {
    if (!open.isEmpty()) {
      return "badge error";
    }
    return switch (state) {
      case ACTIVE -> "badge";
      case COMPLETED -> "badge success";
      case TERMINATED -> "badge contrast";
    };
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    key = event.getRouteParameters().getLong("key").orElseThrow(NotFoundException::new);
    load();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("monitoring.instance") + " " + key + " | " + getTranslation("app.name");
  }
}
