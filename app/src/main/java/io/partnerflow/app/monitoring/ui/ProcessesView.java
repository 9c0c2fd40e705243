package io.partnerflow.app.monitoring.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.base.ui.IdOrNameFilter;
import io.partnerflow.app.monitoring.ProcessOverviewService;
import io.partnerflow.app.monitoring.ProcessStatistics;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The processes overview: per process version how many instances run, how many of them have an
 * incident, how many completed in the chosen period. A row opens the instance list for it.
 */
@Route("operations/processes")
@RolesAllowed("ADMIN")
@Menu(order = 80, title = "nav.processes", icon = "CLUSTER")
class ProcessesView extends VerticalLayout implements HasDynamicTitle {

  /** The periods "completed in" can cover. */
  enum Period {
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30));

    final Duration length;

    Period(Duration length) {
      this.length = length;
    }
  }

  private final ProcessOverviewService overview;
  private final Clock clock;
  private final Select<Period> period = new Select<>();
  private final Grid<ProcessStatistics> grid = new Grid<>();

  /** By process id or name: the engine holds many more processes than bpmn/ keeps. */
  private final IdOrNameFilter filter;

  public ProcessesView(ProcessOverviewService overview, Clock clock) {
    this.overview = overview;
    this.clock = clock;
    setId("processes-view");
    setSizeFull();
    period.setId("processes-period");
    period.setLabel(getTranslation("monitoring.period"));
    period.setItems(Period.values());
    period.setItemLabelGenerator(value -> getTranslation("monitoring.period." + value.name()));
    period.setValue(Period.WEEK);
    period.addValueChangeListener(event -> refresh());
    filter = new IdOrNameFilter("processes-filter", getTranslation("monitoring.processFilter"));
    filter.setLabel(getTranslation("monitoring.processFilter"));
    filter.addValueChangeListener(event -> refresh());
    HorizontalLayout bar = new HorizontalLayout(period, filter);
    add(new H2(getTranslation("nav.processes")), bar, grid());
    setFlexGrow(1, grid);
    refresh();
  }

  private Grid<ProcessStatistics> grid() {
    grid.setId("processes-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(row -> row.name() == null ? row.processId() : row.name())
        .setHeader(getTranslation("monitoring.process"))
        .setFlexGrow(2);
    grid.addColumn(ProcessStatistics::processId).setHeader(getTranslation("monitoring.processId"));
    grid.addColumn(ProcessStatistics::version).setHeader(getTranslation("monitoring.version"));
    grid.addColumn(ProcessStatistics::active).setHeader(getTranslation("monitoring.active"));
    grid.addComponentColumn(this::incidentBadge)
        .setHeader(getTranslation("monitoring.withIncident"));
    grid.addColumn(ProcessStatistics::completedInPeriod)
        .setHeader(getTranslation("monitoring.completedInPeriod"));
    grid.addItemClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            "operations/instances",
                            QueryParameters.simple(
                                Map.of(
                                    "process", click.getItem().processId(),
                                    "version", String.valueOf(click.getItem().version()))))));
    return grid;
  }

  private Span incidentBadge(ProcessStatistics row) {
    Span badge = new Span(String.valueOf(row.withIncident()));
    if (row.withIncident() > 0) {
      badge.getElement().getThemeList().add("badge error");
    }
    return badge;
  }

  private void refresh() {
    Instant since = Instant.now(clock).minus(period.getValue().length);
    grid.setItems(
        overview.overview(since).stream()
            .filter(row -> filter.matches(row.processId(), row.name()))
            .toList());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.processes") + " | " + getTranslation("app.name");
  }
}
