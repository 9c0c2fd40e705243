package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
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

  /** From this priority on a task is shown as high. */
  static final int HIGH_PRIORITY = 75;

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
    // step, due and priority are data for a template in the browser (LitRenderer), not
    // server-side components: a page of 50 rows sends 50 small objects instead of 150 components
    Column<TaskRow> step =
        addColumn(stepAndProcess())
            .setHeader(getTranslation("tasklist.task"))
            .setKey("task")
            .setWidth("16em")
            .setFlexGrow(3);
    Column<TaskRow> due =
        addColumn(due())
            .setHeader(getTranslation("tasklist.dueDate"))
            .setKey("due")
            .setWidth("9em")
            .setFlexGrow(0);
    Column<TaskRow> priority =
        addColumn(priority())
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

  /** The step in bold over its process, both by name. */
  private LitRenderer<TaskRow> stepAndProcess() {
    return LitRenderer.<TaskRow>of(
            "<div style=\"display: flex; flex-direction: column\">"
                + "<span class=\"task-step\" style=\"font-weight: 600\">${item.step}</span>"
                + "<span style=\"color: var(--lumo-secondary-text-color);"
                + " font-size: var(--lumo-font-size-s)\">${item.process}</span></div>")
        .withProperty("step", row -> TaskNames.step(row.task(), getLocale()))
        .withProperty("process", row -> TaskNames.process(row.task(), getLocale()));
  }

  /** Due relative to now, overdue as an error badge, the exact date in the tooltip. */
  private LitRenderer<TaskRow> due() {
    return LitRenderer.<TaskRow>of(
            "<span class=\"task-due ${item.overdue ? 'task-overdue' : ''}\""
                + " theme=\"${item.overdue ? 'badge error primary' : ''}\""
                + " title=\"${item.title}\">${item.text}</span>")
        .withProperty("text", row -> dueOf(row).text())
        .withProperty("title", row -> dueOf(row).title())
        .withProperty("overdue", row -> dueOf(row).overdue());
  }

  private DueText dueOf(TaskRow row) {
    return DueText.of(row.task().due(), clock, getLocale(), this);
  }

  /** The priority; from {@value #HIGH_PRIORITY} on a warning badge that says it is high. */
  private LitRenderer<TaskRow> priority() {
    return LitRenderer.<TaskRow>of(
            "<span theme=\"${item.high ? 'badge warning' : ''}\""
                + " title=\"${item.highTitle}\">${item.priority}</span>")
        .withProperty(
            "priority",
            row -> row.task().priority() == null ? "—" : String.valueOf(row.task().priority()))
        .withProperty("high", row -> isHigh(row.task()))
        .withProperty(
            "highTitle", row -> isHigh(row.task()) ? getTranslation("tasklist.priority.high") : "");
  }

  private static boolean isHigh(TaskSummary task) {
    return task.priority() != null && task.priority() >= HIGH_PRIORITY;
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
    // the first page goes out with this response: the browser shows the rows without first
    // asking for them in another round trip
    getDataCommunicator().setViewportRange(0, getPageSize());
  }
}
