package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.router.RouteParameters;
import io.partnerflow.app.tasklist.TaskFilterException;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskRow;
import io.partnerflow.app.tasklist.TaskRowPage;
import io.partnerflow.app.tasklist.TaskSummary;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The staff list: whom each task is about, the step and its process by name, due relative to now,
 * priority and assignee, sized for a desktop; on a narrow screen one stacked column. Empty, it says
 * why.
 */
class StaffTaskGrid extends Grid<TaskRow> {

  /** Below this window width (px) the list shows one stacked column. */
  static final int COMPACT_BELOW = 800;

  private final Clock clock;
  private final Supplier<TaskQuery> query;
  private final List<Column<TaskRow>> wideColumns;
  private final Column<TaskRow> compactColumn;
  private final TaskListService tasks;

  /** Counted when the filter changes, before the grid asks: the count callback only reads it. */
  private int total;

  /**
   * The first page, read with the count in one search when the filter changes: the grid's first
   * fetch takes it instead of asking the engine again; used once, later fetches read afresh.
   */
  private List<TaskRow> firstPage;

  StaffTaskGrid(TaskListService tasks, Supplier<TaskQuery> query, Clock clock) {
    this.clock = clock;
    this.query = query;
    this.tasks = tasks;
    setId("task-grid");
    addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    Column<TaskRow> subject =
        addColumn(row -> row.subject() == null ? "—" : row.subject())
            .setHeader(getTranslation("tasklist.subject"))
            .setKey("subject")
            .setWidth("13em")
            .setFlexGrow(2);
    Column<TaskRow> step =
        addComponentColumn(this::stepAndProcess)
            .setHeader(getTranslation("tasklist.task"))
            .setKey("task")
            .setWidth("16em")
            .setFlexGrow(3);
    Column<TaskRow> due =
        addComponentColumn(row -> new DueLabel(row.task().due(), clock))
            .setHeader(getTranslation("tasklist.dueDate"))
            .setKey("due")
            .setWidth("9em")
            .setFlexGrow(0);
    Column<TaskRow> priority =
        addComponentColumn(row -> priority(row.task()))
            .setHeader(getTranslation("tasklist.priority"))
            .setKey("priority")
            .setWidth("6em")
            .setFlexGrow(0)
            .setTextAlign(ColumnTextAlign.END);
    Column<TaskRow> assignee =
        addColumn(row -> row.task().assignee() == null ? "—" : row.task().assignee())
            .setHeader(getTranslation("tasklist.assignee"))
            .setKey("assignee")
            .setWidth("8em")
            .setFlexGrow(1);
    Column<TaskRow> created =
        addColumn(row -> TaskFormats.dateTime(row.task().created(), getLocale(), clock.getZone()))
            .setHeader(getTranslation("tasklist.created"))
            .setKey("created")
            .setWidth("10em")
            .setFlexGrow(0);
    wideColumns = List.of(subject, step, due, priority, assignee, created);
    // hidden, its cells would still be made as components for every row: it renders nothing
    // until the window is narrow (compact)
    compactColumn =
        addColumn(row -> "").setHeader(getTranslation("tasklist.task")).setKey("compact");
    compactColumn.setVisible(false);
    setDataProvider(
        new CallbackDataProvider<TaskRow, Void>(
            page -> fetch(tasks, page.getOffset(), page.getLimit()), page -> total));
    addItemClickListener(
        click ->
            // a click on the selection column's check box selects, it does not open the task
            Optional.ofNullable(click.getColumn())
                .flatMap(column -> getUI())
                .ifPresent(
                    ui ->
                        ui.navigate(
                            TaskView.class,
                            new RouteParameters(
                                "key", String.valueOf(click.getItem().task().key())))));
    addAttachListener(
        attach -> {
          var page = attach.getUI().getPage();
          page.retrieveExtendedClientDetails(
              details -> compact(details.getWindowInnerWidth() < COMPACT_BELOW));
          page.addBrowserWindowResizeListener(resize -> compact(resize.getWidth() < COMPACT_BELOW));
        });
  }

  private Stream<TaskRow> fetch(TaskListService tasks, int offset, int limit) {
    List<TaskRow> prefetched = firstPage;
    firstPage = null;
    if (prefetched != null
        && offset == 0
        && (limit <= prefetched.size() || prefetched.size() == total)) {
      return prefetched.stream().limit(limit);
    }
    try {
      return tasks.rows(query.get(), offset, limit).items().stream();
    } catch (TaskFilterException vague) {
      return Stream.empty();
    }
  }

  /** Why the list is empty: nothing matches the filter, or the scope holds nothing at all. */
  static String emptyReason(TaskQuery query) {
    return query.narrowed() ? "tasklist.empty.filtered" : "tasklist.empty." + query.scope().name();
  }

  private Component stepAndProcess(TaskRow row) {
    Span step = new Span(TaskNames.step(row.task(), getLocale()));
    step.addClassName("task-step");
    step.getStyle().set("font-weight", "600");
    Span process = new Span(TaskNames.process(row.task(), getLocale()));
    process.getStyle().set("color", "var(--lumo-secondary-text-color)");
    process.getStyle().set("font-size", "var(--lumo-font-size-s)");
    Div cell = new Div(step, process);
    cell.getStyle().set("display", "flex").set("flex-direction", "column");
    return cell;
  }

  private Component priority(TaskSummary task) {
    Span value = new Span(task.priority() == null ? "—" : String.valueOf(task.priority()));
    if (task.priority() != null && task.priority() >= 75) {
      value.getElement().getThemeList().add("badge warning");
      value.setTitle(getTranslation("tasklist.priority.high"));
    }
    return value;
  }

  /** The phone layout: whom, what, when and who in one cell. */
  private Component compactRow(TaskRow row) {
    Span subject = new Span(row.subject() == null ? "—" : row.subject());
    subject.getStyle().set("font-weight", "600");
    Span step = new Span(TaskNames.step(row.task(), getLocale()));
    Div line = new Div(new DueLabel(row.task().due(), clock));
    if (row.task().assignee() != null) {
      Span assignee = new Span(" · " + row.task().assignee());
      assignee.getStyle().set("color", "var(--lumo-secondary-text-color)");
      line.add(assignee);
    }
    Div cell = new Div(subject, step, line);
    cell.getStyle().set("display", "flex").set("flex-direction", "column");
    return cell;
  }

  void compact(boolean compact) {
    if (compact == compactColumn.isVisible()) {
      return; // unchanged: re-showing columns makes the grid lay its header out again
    }
    wideColumns.forEach(column -> column.setVisible(!compact));
    compactColumn.setRenderer(
        compact ? new ComponentRenderer<>(this::compactRow) : new TextRenderer<>(row -> ""));
    compactColumn.setVisible(compact);
  }

  /**
   * Counts and reads the first page for the current filter, says why when nothing matches, and
   * reloads the rows.
   */
  void refresh() {
    TaskQuery current = query.get();
    try {
      TaskRowPage first = tasks.rows(current, 0, getPageSize());
      total = (int) first.total();
      firstPage = first.items();
      setEmptyStateText(getTranslation(emptyReason(current)));
    } catch (TaskFilterException vague) {
      total = 0;
      firstPage = List.of();
      setEmptyStateText(getTranslation(vague.getMessage()));
    }
    getDataProvider().refreshAll();
  }
}
