package io.partnerflow.app.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.partnerflow.app.monitoring.IncidentEntry;
import io.partnerflow.app.monitoring.InstanceOperationsService;
import io.partnerflow.app.monitoring.OperationResult;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Open incidents across all processes, newest first. Select several and Retry: each is retried on
 * its own and its row says what happened.
 */
@Route("operations/incidents")
@RolesAllowed("ADMIN")
@Menu(order = 82, title = "nav.incidents", icon = "WARNING")
class IncidentsView extends VerticalLayout implements HasDynamicTitle {

  private final InstanceOperationsService operations;
  private final Grid<IncidentEntry> grid = new Grid<>();
  private final Span total = new Span();
  private final Button retry = new Button();
  private final Grid<OperationResult> results = new Grid<>();

  public IncidentsView(InstanceOperationsService operations) {
    this.operations = operations;
    setId("incidents-view");
    setSizeFull();
    total.setId("incident-total");
    retry.setId("incident-retry-selected");
    retry.setText(getTranslation("monitoring.retrySelected"));
    retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    retry.setEnabled(false);
    retry.addClickListener(event -> retrySelected());
    HorizontalLayout bar = new HorizontalLayout(total, retry);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(new H2(getTranslation("nav.incidents")), bar, grid(), resultGrid());
    setFlexGrow(1, grid);
  }

  private Grid<IncidentEntry> grid() {
    grid.setId("incident-grid");
    grid.setPageSize(50);
    grid.setEmptyStateText(getTranslation("monitoring.empty.incidents"));
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(IncidentEntry::processId).setHeader(getTranslation("monitoring.processId"));
    grid.addColumn(IncidentEntry::processInstanceKey)
        .setHeader(getTranslation("monitoring.instanceKey"));
    grid.addColumn(IncidentEntry::elementId).setHeader(getTranslation("monitoring.element"));
    grid.addColumn(IncidentEntry::errorType).setHeader(getTranslation("monitoring.errorType"));
    grid.addColumn(IncidentEntry::message)
        .setHeader(getTranslation("monitoring.errorMessage"))
        .setFlexGrow(3);
    grid.addColumn(row -> MonitoringFormats.dateTime(row.created(), getLocale()))
        .setHeader(getTranslation("monitoring.created"));
    grid.setDataProvider(
        new CallbackDataProvider<IncidentEntry, Void>(
            query -> operations.openIncidents(query.getOffset(), query.getLimit()).items().stream(),
            query -> {
              long count = operations.openIncidents(0, 0).total();
              total.setText(getTranslation("monitoring.incidentTotal", count));
              return (int) Math.min(Integer.MAX_VALUE, count);
            },
            IncidentEntry::key));
    grid.addSelectionListener(event -> retry.setEnabled(!event.getAllSelectedItems().isEmpty()));
    grid.addItemDoubleClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            InstanceView.class,
                            new RouteParameters(
                                "key", String.valueOf(click.getItem().processInstanceKey())))));
    return grid;
  }

  private Grid<OperationResult> resultGrid() {
    results.setId("incident-results");
    results.setAllRowsVisible(true);
    results.setVisible(false);
    results.addThemeVariants(GridVariant.LUMO_COMPACT);
    results.addColumn(OperationResult::key).setHeader(getTranslation("monitoring.incidentKey"));
    results
        .addComponentColumn(
            result -> {
              Span outcome =
                  new Span(
                      getTranslation(result.messageKey())
                          + (result.detail() == null ? "" : ": " + result.detail()));
              outcome
                  .getElement()
                  .getThemeList()
                  .add(result.succeeded() ? "badge success" : "badge error");
              return outcome;
            })
        .setHeader(getTranslation("monitoring.result"))
        .setFlexGrow(3);
    return results;
  }

  private void retrySelected() {
    List<Long> keys = grid.getSelectedItems().stream().map(IncidentEntry::key).toList();
    List<OperationResult> outcome = operations.retryAll(keys);
    results.setItems(outcome);
    results.setVisible(true);
    grid.deselectAll();
    grid.getDataProvider().refreshAll();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.incidents") + " | " + getTranslation("app.name");
  }
}
