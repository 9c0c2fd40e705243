package io.partnerflow.app.tasklist.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.partnerflow.app.form.FormOption;
import io.partnerflow.app.form.ui.RenderedForm;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import io.partnerflow.app.tasklist.TaskFixtures;
import io.partnerflow.app.tasklist.TaskListService;
import io.partnerflow.app.tasklist.TaskQuery;
import io.partnerflow.app.tasklist.TaskRow;
import io.partnerflow.app.tasklist.TaskSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The task list and the task view, browserless, on the embedded engine. */
@PartnerflowTest
class TaskViewsTest {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;

  private TaskFixtures fixtures;
  private String processId;

  @BeforeEach
  void setUp() throws Exception {
    fixtures = new TaskFixtures(client);
    processId = fixtures.deployReviewProcess("partner-managers");
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldListTheManagersGroupTaskAndCompleteItThroughItsForm() throws Exception {
    // given
    String company = "Northwind " + System.nanoTime();
    long task = fixtures.startAndAwaitTask(processId, Map.of("companyName", company));
    KaribuSupport.login(context, "manager");

    // when: the list, narrowed to this process and company
    UI.getCurrent()
        .navigate(
            TaskListView.class,
            QueryParameters.simple(Map.of("process", processId, "company", company)));
    @SuppressWarnings("unchecked")
    Grid<TaskRow> grid = _get(Grid.class, spec -> spec.withId("task-grid"));

    // then
    assertThat(GridKt._size(grid)).isEqualTo(1);
    assertThat(GridKt._get(grid, 0).task().key()).isEqualTo(task);
    assertThat(GridKt._get(grid, 0).subject()).isEqualTo(company);

    // when: open, claim, fill in, complete
    UI.getCurrent().navigate(TaskView.class, new RouteParameters("key", String.valueOf(task)));
    _click(_get(Button.class, spec -> spec.withId("claim")));
    _get(TextField.class, spec -> spec.withLabel("Name")).setValue("Ada");
    _click(_get(Button.class, spec -> spec.withId("complete")));

    // then
    assertThat(fixtures.stateOf(task)).isEqualTo(UserTaskState.COMPLETED);
    _get(TaskListView.class);
  }

  @Test
  void shouldListEveryTaskOnceWhenTheFirstPageCameWithTheCount() throws Exception {
    // given: seven tasks of this process
    List<Long> started = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      started.add(fixtures.startAndAwaitTask(processId, Map.of("companyName", "Paged " + i)));
    }
    KaribuSupport.login(context, "manager");
    UI.getCurrent()
        .navigate(TaskListView.class, QueryParameters.simple(Map.of("process", processId)));
    StaffTaskGrid grid = _get(StaffTaskGrid.class, spec -> spec.withId("task-grid"));

    // when: pages of three, counted and read afresh as after a filter change
    grid.setPageSize(3);
    grid.refresh();

    // then: the first page read with the count, the rest fetched: each task once
    assertThat(GridKt._size(grid)).isEqualTo(7);
    List<Long> listed = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      listed.add(GridKt._get(grid, i).task().key());
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(started);
  }

  @Test
  void shouldSendStepDueAndPriorityAsDataWithOverdueAndHighPriorityEmphasised() {
    // given: the list's grid at a fixed moment, a row three hours overdue of high priority and
    // one without due date or priority
    KaribuSupport.login(context, "manager");
    Instant now = Instant.parse("2026-12-04T10:00:00Z");
    StaffTaskGrid grid =
        new StaffTaskGrid(
            context.getBean(TaskListService.class),
            TaskQuery::defaults,
            Clock.fixed(now, ZoneOffset.UTC));
    TaskRow urgent = row(now.minus(Duration.ofHours(3)), 80);
    TaskRow calm = row(null, null);

    // when: the cells' data, as the browser's templates get it
    Map<String, ValueProvider<TaskRow, ?>> due = cellData(grid, "due");
    Map<String, ValueProvider<TaskRow, ?>> priority = cellData(grid, "priority");
    Map<String, ValueProvider<TaskRow, ?>> step = cellData(grid, "task");

    // then: words, not ids; overdue and high priority say so (the template turns them into badges)
    assertThat(step.get("step").apply(urgent)).isEqualTo("Review application");
    assertThat(due.get("text").apply(urgent)).isEqualTo("3 hours overdue");
    assertThat(due.get("title").apply(urgent)).asString().contains("2026");
    assertThat(due.get("overdue").apply(urgent)).isEqualTo(true);
    assertThat(priority.get("priority").apply(urgent)).isEqualTo("80");
    assertThat(priority.get("high").apply(urgent)).isEqualTo(true);
    assertThat(priority.get("highTitle").apply(urgent)).isEqualTo("High priority");
    assertThat(due.get("text").apply(calm)).isEqualTo("No due date");
    assertThat(due.get("overdue").apply(calm)).isEqualTo(false);
    assertThat(priority.get("priority").apply(calm)).isEqualTo("—");
    assertThat(priority.get("high").apply(calm)).isEqualTo(false);
  }

  private static TaskRow row(Instant due, Integer priority) {
    return new TaskRow(
        new TaskSummary(
            1L,
            "Review",
            "partner-recruitment",
            2L,
            null,
            List.of("partner-managers"),
            List.of(),
            Instant.parse("2026-12-01T09:00:00Z"),
            due,
            priority,
            "review-application"),
        "Acme");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ValueProvider<TaskRow, ?>> cellData(StaffTaskGrid grid, String key) {
    return ((LitRenderer<TaskRow>) grid.getColumnByKey(key).getRenderer()).getValueProviders();
  }

  @Test
  void shouldRenderTheStackedColumnOnlyOnANarrowWindow() throws Exception {
    // given
    String company = "Narrow " + System.nanoTime();
    fixtures.startAndAwaitTask(processId, Map.of("companyName", company));
    KaribuSupport.login(context, "manager");
    UI.getCurrent()
        .navigate(
            TaskListView.class,
            QueryParameters.simple(Map.of("process", processId, "company", company)));
    StaffTaskGrid grid = _get(StaffTaskGrid.class, spec -> spec.withId("task-grid"));

    // when: narrow
    grid.compact(true);

    // then: one stacked cell with whom the task is about, the wide columns hidden
    assertThat(GridKt._getCellComponent(grid, 0, "compact").getElement().getTextRecursively())
        .contains(company);
    assertThat(grid.getColumnByKey("subject").isVisible()).isFalse();

    // when: wide again
    grid.compact(false);

    // then
    assertThat(GridKt._getFormatted(grid, 0, "compact")).isEmpty();
    assertThat(grid.getColumnByKey("subject").isVisible()).isTrue();
  }

  @Test
  void shouldShowTheContextOfTheProcessBesideTheForm() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of("companyName", "Contoso Channel"));
    KaribuSupport.login(context, "manager");

    // when
    UI.getCurrent().navigate(TaskView.class, new RouteParameters("key", String.valueOf(task)));

    // then
    TaskContext panel = _get(TaskContext.class);
    assertThat(panel.getElement().getTextRecursively()).contains("Contoso Channel", processId);
  }

  @Test
  void shouldKeepWhatTheManagerTypedWhenClaimingTheTask() throws Exception {
    // given: the recruitment review form, filled in before the claim
    String reviewProcess = fixtures.deployProcessWithForm("partner-managers", "application-review");
    long task = fixtures.startAndAwaitTask(reviewProcess, Map.of("companyName", "Northwind"));
    KaribuSupport.login(context, "manager");
    UI.getCurrent().navigate(TaskView.class, new RouteParameters("key", String.valueOf(task)));
    RadioButtonGroup<FormOption> decision = field("decision");
    HasValueUtilsKt._setValue(decision, option(decision, "request-information"));
    HasValueUtilsKt._setValue(field("informationRequest"), "Which products do you resell?");
    HasValueUtilsKt._setValue(field("reviewComment"), "Looks promising");

    // when
    _click(_get(Button.class, spec -> spec.withId("claim")));

    // then: claimed, and every value is still there, ready to complete
    _get(Button.class, spec -> spec.withId("unclaim"));
    RenderedForm form = _get(RenderedForm.class);
    assertThat(form.values())
        .containsEntry("decision", "request-information")
        .containsEntry("informationRequest", "Which products do you resell?")
        .containsEntry("reviewComment", "Looks promising");
    _click(_get(Button.class, spec -> spec.withId("complete")));
    assertThat(fixtures.stateOf(task)).isEqualTo(UserTaskState.COMPLETED);
    _get(TaskListView.class);
  }

  @Test
  void shouldOpenATaskWhoseProcessHoldsAVariableSetToNull() throws Exception {
    // given: as after a first review whose comment was left empty
    Map<String, Object> variables = new HashMap<>();
    variables.put("companyName", "Fabrikam");
    variables.put("reviewComment", null);
    String reviewProcess = fixtures.deployProcessWithForm("partner-managers", "application-review");
    long task = fixtures.startAndAwaitTask(reviewProcess, variables);
    KaribuSupport.login(context, "manager");

    // when
    UI.getCurrent().navigate(TaskView.class, new RouteParameters("key", String.valueOf(task)));

    // then
    assertThat(_get(TaskContext.class).getElement().getTextRecursively()).contains("Fabrikam");
    _get(RenderedForm.class);
  }

  @Test
  void shouldSendALegalUserBackToTheListForAManagersTask() throws Exception {
    // given
    long task = fixtures.startAndAwaitTask(processId, Map.of());
    KaribuSupport.login(context, "legal");

    // when
    UI.getCurrent().navigate(TaskView.class, new RouteParameters("key", String.valueOf(task)));

    // then
    _get(TaskListView.class);
  }

  @SuppressWarnings("unchecked")
  private static <F> F field(String key) {
    return (F) _get(RenderedForm.class).field(key).orElseThrow();
  }

  private static FormOption option(RadioButtonGroup<FormOption> group, Object value) {
    return group
        .getListDataView()
        .getItems()
        .filter(option -> value.equals(option.value()))
        .findFirst()
        .orElseThrow();
  }
}
