package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.RouteParameters;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskSummary;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Open tasks paged lazily from the engine; a click opens the task in the given view. Staff see the
 * process and priority columns, partners only what concerns them.
 */
class TaskGrid extends Grid<TaskSummary> {

  private final Clock clock;

  TaskGrid(
      TaskListService tasks,
      Supplier<TaskQuery> query,
      Clock clock,
      boolean staffColumns,
      Class<? extends Component> taskView) {
    this.clock = clock;
    setId("task-grid");
    addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    addColumn(task -> TaskNames.step(task, getLocale()))
        .setHeader(getTranslation("tasklist.task"))
        .setFlexGrow(2);
    if (staffColumns) {
      addColumn(task -> TaskNames.process(task, getLocale()))
          .setHeader(getTranslation("tasklist.process"));
    }
    addColumn(task -> TaskFormats.dateTime(task.created(), getLocale()))
        .setHeader(getTranslation("tasklist.created"));
    addComponentColumn(this::dueBadge).setHeader(getTranslation("tasklist.dueDate"));
    if (staffColumns) {
      addColumn(TaskSummary::priority).setHeader(getTranslation("tasklist.priority"));
    }
    addColumn(task -> task.assignee() == null ? "—" : task.assignee())
        .setHeader(getTranslation("tasklist.assignee"));
    setDataProvider(
        new CallbackDataProvider<TaskSummary, Void>(
            page -> tasks.search(query.get(), page.getOffset(), page.getLimit()).items().stream(),
            page -> (int) tasks.search(query.get(), 0, 1).total()));
    addItemClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            taskView,
                            new RouteParameters("key", String.valueOf(click.getItem().key())))));
  }

  private Span dueBadge(TaskSummary task) {
    return new DueLabel(task.due(), clock);
  }

  void refresh() {
    getDataProvider().refreshAll();
  }
}
