package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import io.partnerflow.app.tasklist.TaskSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;

/**
 * The inbox: open tasks of my groups or mine, filtered and sorted, paged lazily from the engine.
 */
@Route("tasks")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT"})
@Menu(order = 10, title = "nav.tasks", icon = "TASKS")
public class TaskListView extends VerticalLayout implements HasDynamicTitle {

  private final Select<TaskScope> scope = new Select<>();
  private final TextField process = new TextField();
  private final Select<DueFilter> due = new Select<>();
  private final IntegerField minimumPriority = new IntegerField();
  private final Select<TaskSort> sort = new Select<>();
  private final Checkbox descending = new Checkbox();
  private final Grid<TaskSummary> grid = new Grid<>();
  private final TaskListService tasks;
  private final Clock clock;

  public TaskListView(TaskListService tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
    setId("task-list-view");
    setSizeFull();
    add(filters(), grid());
    setFlexGrow(1, grid);
  }

  private HorizontalLayout filters() {
    scope.setId("task-scope");
    scope.setLabel(getTranslation("tasklist.scope"));
    scope.setItems(TaskScope.values());
    scope.setItemLabelGenerator(value -> getTranslation("tasklist.scope." + value.name()));
    scope.setValue(TaskScope.MY_GROUPS);
    process.setId("task-filter-process");
    process.setLabel(getTranslation("tasklist.process"));
    process.setPlaceholder(getTranslation("tasklist.process.all"));
    process.setClearButtonVisible(true);
    process.setValueChangeMode(ValueChangeMode.LAZY);
    due.setLabel(getTranslation("tasklist.due"));
    due.setItems(DueFilter.values());
    due.setItemLabelGenerator(value -> getTranslation("tasklist.due." + value.name()));
    due.setValue(DueFilter.ANY);
    minimumPriority.setLabel(getTranslation("tasklist.minimumPriority"));
    minimumPriority.setMin(0);
    minimumPriority.setMax(100);
    minimumPriority.setClearButtonVisible(true);
    sort.setLabel(getTranslation("tasklist.sort"));
    sort.setItems(TaskSort.values());
    sort.setItemLabelGenerator(value -> getTranslation("tasklist.sort." + value.name()));
    sort.setValue(TaskSort.DUE);
    descending.setLabel(getTranslation("tasklist.descending"));
    scope.addValueChangeListener(event -> refresh());
    process.addValueChangeListener(event -> refresh());
    due.addValueChangeListener(event -> refresh());
    minimumPriority.addValueChangeListener(event -> refresh());
    sort.addValueChangeListener(event -> refresh());
    descending.addValueChangeListener(event -> refresh());
    HorizontalLayout filters =
        new HorizontalLayout(scope, process, due, minimumPriority, sort, descending);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    return filters;
  }

  private Grid<TaskSummary> grid() {
    grid.setId("task-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(TaskSummary::name).setHeader(getTranslation("tasklist.task")).setFlexGrow(2);
    grid.addColumn(TaskSummary::processId).setHeader(getTranslation("tasklist.process"));
    grid.addColumn(task -> TaskFormats.dateTime(task.created(), getLocale()))
        .setHeader(getTranslation("tasklist.created"));
    grid.addComponentColumn(this::dueBadge).setHeader(getTranslation("tasklist.dueDate"));
    grid.addColumn(TaskSummary::priority).setHeader(getTranslation("tasklist.priority"));
    grid.addColumn(task -> task.assignee() == null ? "—" : task.assignee())
        .setHeader(getTranslation("tasklist.assignee"));
    grid.setDataProvider(
        new CallbackDataProvider<TaskSummary, Void>(
            query ->
                tasks.search(currentQuery(), query.getOffset(), query.getLimit()).items().stream(),
            query -> (int) tasks.search(currentQuery(), 0, 1).total()));
    grid.addItemClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            TaskView.class,
                            new RouteParameters("key", String.valueOf(click.getItem().key())))));
    return grid;
  }

  private Span dueBadge(TaskSummary task) {
    Span badge = new Span(TaskFormats.dateTime(task.due(), getLocale()));
    if (task.overdueAt(Instant.now(clock))) {
      badge.getElement().getThemeList().add("badge error");
      badge.setTitle(getTranslation("tasklist.overdue"));
    }
    return badge;
  }

  TaskQuery currentQuery() {
    return new TaskQuery(
        scope.getValue(),
        process.getValue(),
        due.getValue(),
        minimumPriority.getValue(),
        sort.getValue(),
        descending.getValue());
  }

  private void refresh() {
    grid.getDataProvider().refreshAll();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.tasks") + " | " + getTranslation("app.name");
  }
}
