package io.partnerflow.app.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.monitoring.InstancePage;
import io.partnerflow.app.monitoring.InstanceQuery;
import io.partnerflow.app.monitoring.InstanceSearchService;
import io.partnerflow.app.monitoring.InstanceState;
import io.partnerflow.app.monitoring.InstanceSummary;
import io.partnerflow.app.monitoring.MigrationService;
import io.partnerflow.app.monitoring.MonitoringException;
import io.partnerflow.app.monitoring.ProcessOverviewService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every process instance, filtered, newest first, fetched from the engine a page of 50 at a time
 * (the grid asks for the page it shows; the engine counts the matches). A filtered batch of one
 * version can be migrated from here.
 */
@Route("operations/instances")
@RolesAllowed("ADMIN")
@Menu(order = 81, title = "nav.instances", icon = "LIST")
class InstanceListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

  static final int PAGE_SIZE = 50;

  /** At most this many instances go into one batch migration. */
  static final int MAX_BATCH = 1_000;

  /** The incident filter's choices. */
  enum IncidentChoice {
    ANY,
    WITH,
    WITHOUT
  }

  private final InstanceSearchService search;
  private final MigrationService migration;
  private final ProcessOverviewService processes;
  private final ComboBox<String> process = new ComboBox<>();
  private final IntegerField version = new IntegerField();
  private final Select<InstanceState> state = new Select<>();
  private final Select<IncidentChoice> incident = new Select<>();
  private final DatePicker startedFrom = new DatePicker();
  private final DatePicker startedTo = new DatePicker();
  private final DatePicker endedFrom = new DatePicker();
  private final DatePicker endedTo = new DatePicker();
  private final TextField owner = new TextField();
  private final Span total = new Span();
  private final Span message = new Span();
  private final Button migrate = new Button();
  private final Grid<InstanceSummary> grid = new Grid<>();

  public InstanceListView(
      InstanceSearchService search, MigrationService migration, ProcessOverviewService processes) {
    this.search = search;
    this.migration = migration;
    this.processes = processes;
    setId("instance-list-view");
    setSizeFull();
    total.setId("instance-total");
    message.setId("instance-list-message");
    message.getStyle().set("color", "var(--lumo-error-text-color)");
    migrate.setId("instance-migrate");
    migrate.setText(getTranslation("monitoring.migrateFiltered"));
    migrate.addClickListener(event -> openMigration());
    HorizontalLayout summary = new HorizontalLayout(total, message, migrate);
    summary.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(new H2(getTranslation("nav.instances")), filters(), summary, grid());
    setFlexGrow(1, grid);
  }

  private HorizontalLayout filters() {
    process.setId("instance-filter-process");
    process.setLabel(getTranslation("monitoring.processId"));
    process.setItems(
        processes.definitions().stream()
            .map(ProcessDefinition::getProcessDefinitionId)
            .distinct()
            .sorted()
            .toList());
    process.setClearButtonVisible(true);
    version.setId("instance-filter-version");
    version.setLabel(getTranslation("monitoring.version"));
    version.setMin(1);
    version.setWidth("7em");
    version.setClearButtonVisible(true);
    state.setId("instance-filter-state");
    state.setLabel(getTranslation("monitoring.state"));
    state.setItems(InstanceState.values());
    state.setEmptySelectionAllowed(true);
    state.setEmptySelectionCaption(getTranslation("monitoring.any"));
    state.setItemLabelGenerator(
        value -> value == null ? getTranslation("monitoring.any") : stateLabel(value));
    incident.setId("instance-filter-incident");
    incident.setLabel(getTranslation("monitoring.incidents"));
    incident.setItems(IncidentChoice.values());
    incident.setItemLabelGenerator(value -> getTranslation("monitoring.incident." + value.name()));
    incident.setValue(IncidentChoice.ANY);
    startedFrom.setLabel(getTranslation("monitoring.startedFrom"));
    startedTo.setLabel(getTranslation("monitoring.startedTo"));
    endedFrom.setLabel(getTranslation("monitoring.endedFrom"));
    endedTo.setLabel(getTranslation("monitoring.endedTo"));
    for (DatePicker date : List.of(startedFrom, startedTo, endedFrom, endedTo)) {
      date.setClearButtonVisible(true);
      date.setWidth("10em");
      date.setLocale(getLocale());
      date.addValueChangeListener(event -> refresh());
    }
    owner.setId("instance-filter-owner");
    owner.setLabel(getTranslation("monitoring.owner"));
    owner.setPlaceholder(getTranslation("monitoring.owner.placeholder"));
    owner.setClearButtonVisible(true);
    owner.setValueChangeMode(ValueChangeMode.LAZY);
    process.addValueChangeListener(event -> refresh());
    version.addValueChangeListener(event -> refresh());
    state.addValueChangeListener(event -> refresh());
    incident.addValueChangeListener(event -> refresh());
    owner.addValueChangeListener(event -> refresh());
    HorizontalLayout filters =
        new HorizontalLayout(
            process, version, state, incident, owner, startedFrom, startedTo, endedFrom, endedTo);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    return filters;
  }

  private Grid<InstanceSummary> grid() {
    grid.setId("instance-grid");
    grid.setPageSize(PAGE_SIZE);
    grid.setEmptyStateText(getTranslation("monitoring.empty.instances"));
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(InstanceSummary::key).setHeader(getTranslation("monitoring.instanceKey"));
    grid.addColumn(row -> row.processName() == null ? row.processId() : row.processName())
        .setHeader(getTranslation("monitoring.process"))
        .setFlexGrow(2);
    grid.addColumn(InstanceSummary::version).setHeader(getTranslation("monitoring.version"));
    grid.addComponentColumn(this::stateBadge).setHeader(getTranslation("monitoring.state"));
    grid.addColumn(row -> MonitoringFormats.dateTime(row.started(), getLocale()))
        .setHeader(getTranslation("monitoring.started"))
        .setAutoWidth(true);
    grid.addColumn(row -> MonitoringFormats.dateTime(row.ended(), getLocale()))
        .setHeader(getTranslation("monitoring.ended"))
        .setAutoWidth(true);
    grid.setDataProvider(
        new CallbackDataProvider<InstanceSummary, Void>(
            query -> page(query.getOffset(), query.getLimit()).items().stream(),
            query -> (int) Math.min(Integer.MAX_VALUE, count())));
    grid.addItemClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            InstanceView.class,
                            new RouteParameters("key", String.valueOf(click.getItem().key())))));
    return grid;
  }

  private InstancePage page(int offset, int limit) {
    try {
      return search.search(currentQuery(), offset, limit);
    } catch (MonitoringException e) {
      message.setText(getTranslation(e.messageKey()));
      return new InstancePage(List.of(), 0);
    }
  }

  private long count() {
    message.setText("");
    InstancePage counted = page(0, 0);
    total.setText(
        getTranslation(
            counted.moreThanTotal() ? "monitoring.totalAtLeast" : "monitoring.total",
            counted.total()));
    return counted.total();
  }

  private Span stateBadge(InstanceSummary row) {
    Span badge = new Span(stateLabel(row.state()));
    if (row.hasIncident()) {
      badge.setText(badge.getText() + " · " + getTranslation("monitoring.incident"));
      badge.getElement().getThemeList().add("badge error");
    } else if (row.state() == InstanceState.ACTIVE) {
      badge.getElement().getThemeList().add("badge");
    } else if (row.state() == InstanceState.COMPLETED) {
      badge.getElement().getThemeList().add("badge success");
    } else {
      badge.getElement().getThemeList().add("badge contrast");
    }
    return badge;
  }

  private String stateLabel(InstanceState value) {
    return value == null ? "—" : getTranslation("monitoring.state." + value.name());
  }

  InstanceQuery currentQuery() {
    Boolean hasIncident =
        switch (incident.getValue() == null ? IncidentChoice.ANY : incident.getValue()) {
          case ANY -> null;
          case WITH -> true;
          case WITHOUT -> false;
        };
    return InstanceQuery.all()
        .withProcess(process.getValue(), version.getValue())
        .withState(state.getValue())
        .withIncident(hasIncident)
        .withStarted(startOf(startedFrom.getValue()), dayAfter(startedTo.getValue()))
        .withEnded(startOf(endedFrom.getValue()), dayAfter(endedTo.getValue()))
        .withOwnerName(
            owner.getValue() == null || owner.getValue().isBlank() ? null : owner.getValue());
  }

  private static Instant startOf(LocalDate date) {
    return date == null ? null : date.atStartOfDay(DisplayZone.get()).toInstant();
  }

  /** "To" dates are inclusive: up to the start of the next day. */
  private static Instant dayAfter(LocalDate date) {
    return date == null ? null : startOf(date.plusDays(1));
  }

  private void openMigration() {
    Optional<ProcessDefinition> source = selectedVersion();
    if (source.isEmpty()) {
      message.setText(getTranslation("monitoring.migration.chooseVersion"));
      return;
    }
    InstanceQuery running = currentQuery().withState(InstanceState.ACTIVE);
    List<Long> keys = search.keys(running, MAX_BATCH);
    if (keys.isEmpty()) {
      message.setText(getTranslation("monitoring.migration.nothingToMove"));
      return;
    }
    new MigrationDialog(migration, processes, source.get(), keys, this::refresh).open();
  }

  private Optional<ProcessDefinition> selectedVersion() {
    if (process.getValue() == null || version.getValue() == null) {
      return Optional.empty();
    }
    return processes.definitions().stream()
        .filter(d -> d.getProcessDefinitionId().equals(process.getValue()))
        .filter(d -> d.getVersion() == version.getValue())
        .findFirst();
  }

  private void refresh() {
    grid.getDataProvider().refreshAll();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    QueryParameters parameters = event.getLocation().getQueryParameters();
    parameters.getSingleParameter("process").ifPresent(process::setValue);
    parameters
        .getSingleParameter("version")
        .flatMap(InstanceListView::number)
        .ifPresent(version::setValue);
    parameters
        .getSingleParameter("incident")
        .filter(value -> Stream.of("true", "WITH").anyMatch(value::equals))
        .ifPresent(value -> incident.setValue(IncidentChoice.WITH));
  }

  private static Optional<Integer> number(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.instances") + " | " + getTranslation("app.name");
  }
}
