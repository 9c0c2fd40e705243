package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.partnerflow.app.modeling.ProcessStepNames;
import io.partnerflow.app.tasklist.BulkTaskOperations;
import io.partnerflow.app.tasklist.DueFilter;
import io.partnerflow.app.tasklist.SavedTaskFilters;
import io.partnerflow.app.tasklist.TaskAssignments;
import io.partnerflow.app.tasklist.TaskFilterChoices;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskQueryParameters;
import io.partnerflow.app.tasklist.TaskScope;
import io.partnerflow.app.tasklist.TaskSort;
import io.partnerflow.app.tasklist.notice.StaffNotices;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The inbox: open tasks of my groups or mine, filtered by names people know and sorted, paged
 * lazily from the engine. The filter lives in the URL (a link shares it, the back button restores
 * the previous one); saved filters with their counts are the list's own navigation.
 */
@Route("tasks")
@RolesAllowed({"ADMIN", "PARTNER_MANAGER", "LEGAL", "ENABLEMENT"})
@Menu(order = 10, title = "nav.tasks", icon = "TASKS")
class TaskListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

  /**
   * How long the typed text waits for the next key before it filters: short enough to feel live,
   * long enough that a typing person sends one search, not one per letter.
   */
  static final int TYPING_PAUSE_MILLIS = 300;

  private final TaskListService tasks;
  private final TaskFilterChoices choices;
  private final Select<TaskScope> scope = new Select<>();
  private final ComboBox<String> process = new ComboBox<>();
  private final ComboBox<String> step = new ComboBox<>();
  private final TextField company = new TextField();
  private final TextField assignee = new TextField();
  private final ComboBox<String> group = new ComboBox<>();
  private final Select<DueFilter> due = new Select<>();
  private final DatePicker dueFrom = new DatePicker();
  private final DatePicker dueTo = new DatePicker();
  private final IntegerField minimumPriority = new IntegerField();
  private final Select<TaskSort> sort = new Select<>();
  private final Checkbox descending = new Checkbox();
  private final StaffTaskGrid grid;
  private final SavedFilterBar savedFilters;
  private final StaffNotices notices;

  /** While the fields take the URL's filter, their changes must not navigate again. */
  private boolean fromUrl;

  public TaskListView(
      TaskListService tasks,
      TaskFilterChoices choices,
      SavedTaskFilters saved,
      Clock clock,
      BulkTaskOperations bulk,
      TaskAssignments assignments,
      StaffNotices notices) {
    this.tasks = tasks;
    this.choices = choices;
    this.notices = notices;
    grid = new StaffTaskGrid(tasks, this::currentQuery, clock);
    savedFilters = new SavedFilterBar(saved, tasks, this::currentQuery);
    // many rows at once: the check boxes select, a click on a row still opens the task
    grid.setSelectionMode(Grid.SelectionMode.MULTI);
    BulkActionBar bulkActions =
        new BulkActionBar(
            bulk,
            assignments,
            () -> {
              grid.deselectAll();
              grid.refresh();
              savedFilters.refresh();
            });
    grid.addSelectionListener(selection -> bulkActions.select(selection.getAllSelectedItems()));
    setId("task-list-view");
    setSizeFull();
    add(savedFilters, filters(), bulkActions, grid);
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
    process.setItems(choices.processIds());
    process.setItemLabelGenerator(id -> ProcessStepNames.process(id, getLocale()));
    step.setId("task-filter-step");
    step.setLabel(getTranslation("tasklist.step"));
    step.setPlaceholder(getTranslation("tasklist.step.all"));
    step.setClearButtonVisible(true);
    step.setItemLabelGenerator(
        id -> ProcessStepNames.step(process.getValue(), id, id, getLocale()));
    step.setEnabled(false);
    company.setId("task-filter-company");
    company.setLabel(getTranslation("tasklist.subject"));
    company.setPlaceholder(getTranslation("tasklist.subject.placeholder"));
    company.setClearButtonVisible(true);
    company.setValueChangeMode(ValueChangeMode.LAZY);
    company.setValueChangeTimeout(TYPING_PAUSE_MILLIS);
    sendOnLeaving(company);
    assignee.setId("task-filter-assignee");
    assignee.setLabel(getTranslation("tasklist.assignee"));
    assignee.setClearButtonVisible(true);
    assignee.setValueChangeMode(ValueChangeMode.LAZY);
    assignee.setValueChangeTimeout(TYPING_PAUSE_MILLIS);
    sendOnLeaving(assignee);
    group.setId("task-filter-group");
    group.setLabel(getTranslation("tasklist.group"));
    group.setPlaceholder(getTranslation("tasklist.group.all"));
    group.setClearButtonVisible(true);
    group.setItems(tasks.myGroups().stream().sorted().toList());
    group.setItemLabelGenerator(this::groupName);
    due.setId("task-filter-due");
    due.setLabel(getTranslation("tasklist.due"));
    due.setItems(DueFilter.values());
    due.setItemLabelGenerator(value -> getTranslation("tasklist.due." + value.name()));
    due.setValue(DueFilter.ANY);
    dueFrom.setId("task-filter-due-from");
    dueFrom.setLabel(getTranslation("tasklist.dueFrom"));
    dueFrom.setClearButtonVisible(true);
    dueTo.setId("task-filter-due-to");
    dueTo.setLabel(getTranslation("tasklist.dueTo"));
    dueTo.setClearButtonVisible(true);
    minimumPriority.setId("task-filter-priority");
    minimumPriority.setLabel(getTranslation("tasklist.minimumPriority"));
    minimumPriority.setMin(0);
    minimumPriority.setMax(100);
    minimumPriority.setClearButtonVisible(true);
    sort.setLabel(getTranslation("tasklist.sort"));
    sort.setItems(TaskSort.values());
    sort.setItemLabelGenerator(value -> getTranslation("tasklist.sort." + value.name()));
    sort.setValue(TaskSort.DUE);
    descending.setLabel(getTranslation("tasklist.descending"));
    process.addValueChangeListener(event -> stepsOf(event.getValue()));
    Button clear = new Button(getTranslation("tasklist.filter.clear"), click -> clear());
    clear.setId("task-filter-clear");
    clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    // the filter's fields, once: each changes the URL, and all but the check box are narrow so that
    // they fit two rows at 1400 px (the labels say what they hold)
    List<AbstractField<?, ?>> fields =
        List.of(
            scope,
            process,
            step,
            company,
            assignee,
            group,
            due,
            dueFrom,
            dueTo,
            minimumPriority,
            sort,
            descending);
    HorizontalLayout filters = new HorizontalLayout();
    for (AbstractField<?, ?> field : fields) {
      field.addValueChangeListener(event -> filterChanged());
      if (field != descending && field instanceof HasSize sized) {
        sized.setWidth("10em");
      }
      filters.add(field);
    }
    filters.add(clear);
    filters.setId("task-filters");
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    return filters;
  }

  /**
   * Enter or leaving the field filters at once, without waiting for the typing pause to end (the
   * pause only says when someone who types and waits is done).
   */
  private static void sendOnLeaving(TextField field) {
    field
        .getElement()
        .addEventListener(
            "change", event -> field.setValue(event.getEventData().getString("element.value")))
        .addEventData("element.value");
  }

  /** A group as people read it: the translation when there is one, else its id. */
  private String groupName(String id) {
    String key = "tasklist.groupName." + id;
    String name = getTranslation(key);
    return name == null || name.startsWith("!") ? id : name;
  }

  private void stepsOf(String processId) {
    List<String> steps = choices.stepIds(processId);
    String chosen = step.getValue();
    step.setItems(steps);
    step.setEnabled(processId != null);
    step.setValue(chosen != null && steps.contains(chosen) ? chosen : null);
  }

  private void clear() {
    navigateTo(
        new TaskQuery(scope.getValue(), null, null, null, sort.getValue(), descending.getValue()));
  }

  private void filterChanged() {
    if (!fromUrl) {
      navigateTo(currentQuery());
    }
  }

  /** A new history entry: the back button returns to the filter before. */
  private void navigateTo(TaskQuery query) {
    getUI()
        .ifPresent(
            ui ->
                ui.navigate(
                    TaskListView.class,
                    QueryParameters.simple(TaskQueryParameters.toParameters(query))));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    TaskQuery query =
        TaskQueryParameters.fromParameters(
            event.getLocation().getQueryParameters().getParameters());
    fromUrl = true;
    try {
      scope.setValue(query.scope());
      set(process, query.processId());
      stepsOf(query.processId());
      set(step, query.elementId());
      company.setValue(Objects.requireNonNullElse(query.company(), ""));
      assignee.setValue(Objects.requireNonNullElse(query.assignee(), ""));
      set(group, query.candidateGroup());
      due.setValue(query.due());
      dueFrom.setValue(query.dueFrom());
      dueTo.setValue(query.dueTo());
      minimumPriority.setValue(query.minimumPriority());
      sort.setValue(query.sort());
      descending.setValue(query.descending());
    } finally {
      fromUrl = false;
    }
    grid.refresh();
    savedFilters.refresh();
    // what came before now is seen: the layout's count of new tasks starts again
    notices.listOpened(getLocale());
  }

  /** Sets a value the field offers, or clears it (a link may name what no longer exists). */
  private static void set(ComboBox<String> field, String value) {
    boolean offered =
        value != null && field.getListDataView().getItems().anyMatch(item -> item.equals(value));
    field.setValue(offered ? value : null);
  }

  TaskQuery currentQuery() {
    return new TaskQuery(
        scope.getValue(),
        process.getValue(),
        due.getValue(),
        minimumPriority.isInvalid() ? null : minimumPriority.getValue(),
        sort.getValue(),
        descending.getValue(),
        step.getValue(),
        company.getValue(),
        assignee.getValue(),
        group.getValue(),
        dueFrom.getValue(),
        dueTo.getValue());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.tasks") + " | " + getTranslation("app.name");
  }
}
