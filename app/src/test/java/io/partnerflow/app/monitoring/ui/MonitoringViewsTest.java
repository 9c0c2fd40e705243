package io.partnerflow.app.monitoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.partnerflow.app.monitoring.IncidentEntry;
import io.partnerflow.app.monitoring.InstanceSummary;
import io.partnerflow.app.monitoring.MigrationCheck;
import io.partnerflow.app.monitoring.MonitoringFixtures;
import io.partnerflow.app.monitoring.OperationResult;
import io.partnerflow.app.monitoring.ProcessStatistics;
import io.partnerflow.app.monitoring.VariableEntry;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The console's views browserless (Karibu) on the real engine, as the demo administrator. */
@PartnerflowTest
class MonitoringViewsTest {

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;

  private MonitoringFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new MonitoringFixtures(client);
    KaribuSupport.setUp(context);
    KaribuSupport.login(context, "admin");
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldListAProcessVersionWithItsFigures() {
    // given
    String processId = fixtures.deployServiceProcess();
    fixtures.startWithIncident(processId, "boom");
    fixtures.start(processId, Map.of());

    // when
    UI.getCurrent().navigate(ProcessesView.class);

    // then
    Grid<ProcessStatistics> grid = grid("processes-grid");
    ProcessStatistics row =
        rows(grid).stream().filter(r -> r.processId().equals(processId)).findFirst().orElseThrow();
    assertThat(row.active()).isEqualTo(2);
    assertThat(row.withIncident()).isEqualTo(1);
  }

  @Test
  void shouldFilterTheInstanceListByProcessAndPartnerName() {
    // given
    String processId = fixtures.deployServiceProcess();
    long first = fixtures.start(processId, Map.of());
    long second = fixtures.start(processId, Map.of());

    // when
    UI.getCurrent()
        .navigate(
            "operations/instances",
            QueryParameters.simple(Map.of("process", processId, "version", "1")));
    Grid<InstanceSummary> grid = grid("instance-grid");
    List<Long> listed = rows(grid).stream().map(InstanceSummary::key).toList();
    String total = _get(Span.class, spec -> spec.withId("instance-total")).getText();
    _get(TextField.class, spec -> spec.withId("instance-filter-owner"))
        .setValue("no partner is called like this");

    // then
    assertThat(listed).containsExactly(second, first);
    assertThat(total).isEqualTo("2 instances");
    assertThat(GridKt._size(grid)).isZero();
  }

  @Test
  void shouldRetryAnIncidentFromTheInstancePage() {
    // given
    String processId = fixtures.deployServiceProcess();
    long instance = fixtures.startWithIncident(processId, "remote system said no");

    // when
    UI.getCurrent().navigate("operations/instances/" + instance);
    Grid<IncidentEntry> incidents = grid("instance-incidents");
    String message = rows(incidents).get(0).message();
    _click((Button) GridKt._getCellComponent(incidents, 0, "retry"));
    var job = fixtures.activate(processId, instance);
    client.newCompleteCommand(job.getKey()).send().join();

    // then
    assertThat(message).isEqualTo("remote system said no");
    assertThat(GridKt._size(incidents)).isZero();
    MonitoringFixtures.await(
        () -> fixtures.stateOf(instance) == ProcessInstanceState.COMPLETED, "completion");
  }

  @Test
  void shouldKeepATypedValueThatIsNotJsonAndSaveAValidOneAfterConfirmation() {
    // given
    String processId = fixtures.deployServiceProcess();
    long instance = fixtures.start(processId, Map.of("amount", 42));
    UI.getCurrent().navigate("operations/instances/" + instance);
    Grid<VariableEntry> variables = grid("instance-variables");
    int row = indexOf(variables, "amount");

    // when: not JSON
    _click((Button) GridKt._getCellComponent(variables, row, "edit"));
    TextArea value = _get(TextArea.class, spec -> spec.withId("variable-value"));
    value.setValue("forty-three");
    _click(_get(Button.class, spec -> spec.withId("variable-save")));
    ConfirmDialogKt._fireConfirm(
        _get(ConfirmDialog.class, spec -> spec.withId("variable-confirm")));

    // then: refused, the text is still there
    assertThat(value.isInvalid()).isTrue();
    assertThat(value.getValue()).isEqualTo("forty-three");
    assertThat(value.getErrorMessage()).startsWith("This is not valid JSON");

    // when: JSON
    value.setValue("43");
    _click(_get(Button.class, spec -> spec.withId("variable-save")));
    List<ConfirmDialog> confirms =
        _find(ConfirmDialog.class, spec -> spec.withId("variable-confirm"));
    ConfirmDialogKt._fireConfirm(confirms.get(confirms.size() - 1));

    // then
    Grid<VariableEntry> reloaded = grid("instance-variables");
    assertThat(rows(reloaded).get(indexOf(reloaded, "amount")).json()).isEqualTo("43");
  }

  @Test
  void shouldCancelAnInstanceOnlyAfterConfirmation() {
    // given
    String processId = fixtures.deployServiceProcess();
    long instance = fixtures.start(processId, Map.of());
    UI.getCurrent().navigate("operations/instances/" + instance);

    // when
    _click(_get(Button.class, spec -> spec.withId("instance-cancel")));
    ProcessInstanceState beforeConfirming = fixtures.stateOf(instance);
    ConfirmDialogKt._fireConfirm(
        _get(ConfirmDialog.class, spec -> spec.withId("instance-cancel-confirm")));

    // then
    assertThat(beforeConfirming).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(fixtures.stateOf(instance)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(_get(Button.class, spec -> spec.withId("instance-cancel")).isEnabled()).isFalse();
  }

  @Test
  void shouldRetrySelectedIncidentsAndShowEachResult() {
    // given
    String processId = fixtures.deployServiceProcess();
    long first = fixtures.startWithIncident(processId, "first");
    long second = fixtures.startWithIncident(processId, "second");
    UI.getCurrent().navigate(IncidentsView.class);
    Grid<IncidentEntry> grid = grid("incident-grid");

    // when
    rows(grid).stream()
        .filter(row -> row.processInstanceKey() == first || row.processInstanceKey() == second)
        .forEach(grid::select);
    _click(_get(Button.class, spec -> spec.withId("incident-retry-selected")));

    // then
    Grid<OperationResult> results = grid("incident-results");
    assertThat(rows(results)).hasSize(2).allMatch(OperationResult::succeeded);
    assertThat(fixtures.hasIncident(first)).isFalse();
    assertThat(fixtures.hasIncident(second)).isFalse();
  }

  @Test
  void shouldMigrateAnInstanceFromItsPageAfterADryRun() {
    // given: an instance waiting in the review of version 1, and a version 2
    String processId = fixtures.deployReviewProcess();
    long waiting = fixtures.start(processId, Map.of());
    fixtures.awaitActive(waiting, "review");
    fixtures.deployReviewVersion(processId, true);
    UI.getCurrent().navigate("operations/instances/" + waiting);

    // when: target chosen, mapping pre-filled, dry run
    _click(_get(Button.class, spec -> spec.withId("instance-migrate-one")));
    @SuppressWarnings("unchecked")
    Select<ProcessDefinition> target = _get(Select.class, spec -> spec.withId("migration-target"));
    target.setValue(target.getListDataView().getItems().findFirst().orElseThrow());
    Button execute = _get(Button.class, spec -> spec.withId("migration-execute"));
    boolean executableBeforeDryRun = execute.isEnabled();
    _click(_get(Button.class, spec -> spec.withId("migration-dry-run")));
    List<MigrationCheck> preview = rows(grid("migration-preview"));
    _click(execute);

    // then
    assertThat(executableBeforeDryRun).isFalse();
    assertThat(preview)
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.allowed()).isTrue();
              assertThat(check.moves()).containsExactly("review → review");
            });
    List<OperationResult> results = rows(grid("migration-results"));
    assertThat(results).singleElement().matches(OperationResult::succeeded);
    assertThat(
            client
                .newProcessInstanceGetRequest(waiting)
                .send()
                .join()
                .getProcessDefinitionVersion())
        .isEqualTo(2);
  }

  @Test
  void shouldCountOneInstanceAsOneAndSayWhatAnEmptyListMeans() {
    // given: a process with one instance and no incident
    String processId = fixtures.deployServiceProcess();
    long instance = fixtures.start(processId, Map.of());

    // when
    UI.getCurrent()
        .navigate(
            "operations/instances",
            QueryParameters.simple(Map.of("process", processId, "version", "1")));
    Grid<InstanceSummary> list = grid("instance-grid");
    GridKt._size(list);
    String one = _get(Span.class, spec -> spec.withId("instance-total")).getText();
    _get(TextField.class, spec -> spec.withId("instance-filter-owner"))
        .setValue("no partner is called like this");
    GridKt._size(list);
    String none = _get(Span.class, spec -> spec.withId("instance-total")).getText();
    UI.getCurrent().navigate("operations/instances/" + instance);
    Grid<IncidentEntry> incidents = grid("instance-incidents");

    // then: no "1 instances", and an empty list says why it is empty
    assertThat(one).isEqualTo("1 instance");
    assertThat(none).isEqualTo("No instances match the filters");
    assertThat(list.getEmptyStateText()).isEqualTo("No instances match the filters.");
    assertThat(rows(incidents)).isEmpty();
    assertThat(incidents.getEmptyStateText()).isEqualTo("No open incidents.");
  }

  @Test
  void shouldShowTheConsoleInChinese() {
    // given
    UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

    // when
    UI.getCurrent().navigate(IncidentsView.class);

    // then
    assertThat(_get(Button.class, spec -> spec.withId("incident-retry-selected")).getText())
        .isEqualTo("重试所选");
  }

  @Test
  void shouldRefuseTheConsoleToAPartnerManager() {
    // given
    KaribuSupport.login(context, "manager");

    for (String route :
        List.of("operations/processes", "operations/instances", "operations/incidents")) {
      // when
      UI.getCurrent().navigate(route);

      // then
      List<HasElement> shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
      assertThat(shown)
          .noneMatch(
              view ->
                  view instanceof ProcessesView
                      || view instanceof InstanceListView
                      || view instanceof IncidentsView);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Grid<T> grid(String id) {
    return _get(Grid.class, spec -> spec.withId(id));
  }

  private static <T> List<T> rows(Grid<T> grid) {
    return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
  }

  private static int indexOf(Grid<VariableEntry> grid, String name) {
    List<VariableEntry> rows = rows(grid);
    return IntStream.range(0, rows.size())
        .filter(i -> rows.get(i).name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
