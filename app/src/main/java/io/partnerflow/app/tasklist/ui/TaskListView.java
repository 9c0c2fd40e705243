package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

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
  private final TaskGrid grid;

  public TaskListView(TaskListService tasks, Clock clock) {
    grid = new TaskGrid(tasks, this::currentQuery, clock, true, TaskView.class);
    setId("task-list-view");
    setSizeFull();
    add(filters(), grid);
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
    grid.refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.tasks") + " | " + getTranslation("app.name");
  }
}
