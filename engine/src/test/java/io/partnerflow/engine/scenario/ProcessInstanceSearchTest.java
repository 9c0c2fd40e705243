package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.partnerflow.engine.state.SearchProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /v2/process-instances/search through the client: every filter the engine evaluates, sort,
 * paging with totals and cursors. Four instances of one process id:
 *
 * <ul>
 *   <li>{@code withIncident}: v1, tier gold, active, its job failed without retries (incident)
 *   <li>{@code completed}: v1, tier silver, completed
 *   <li>{@code terminated}: v1, tier gold, cancelled
 *   <li>{@code version2}: v2, no tier, active
 * </ul>
 */
class ProcessInstanceSearchTest extends EngineScenarioTest {

  @Autowired SearchProperties searchProperties;

  private final String processId = unique("pi-search");
  private final String type = unique("pi-search-task");

  private long withIncident;
  private long completed;
  private long terminated;
  private long version2;
  private long version2DefinitionKey;

  private BpmnModelInstance model(String taskName) {
    return Bpmn.createExecutableProcess(processId)
        .name("Partner onboarding")
        .startEvent()
        .serviceTask("task", t -> t.name(taskName).zeebeJobType(type).zeebeJobRetries("1"))
        .endEvent()
        .done();
  }

  private ActivatedJob jobOf(long processInstanceKey) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(10)
            .timeout(Duration.ofSeconds(1))
            .requestTimeout(Duration.ofSeconds(2))
            .send()
            .join()
            .getJobs();
    return jobs.stream()
        .filter(j -> j.getProcessInstanceKey() == processInstanceKey)
        .findFirst()
        .orElseThrow();
  }

  @BeforeEach
  void createInstances() throws InterruptedException {
    deploy(model("Check"));
    withIncident = start(processId, Map.of("tier", "gold")).getProcessInstanceKey();
    Thread.sleep(20); // distinct start dates for the date range and sort
    completed = start(processId, Map.of("tier", "silver")).getProcessInstanceKey();
    Thread.sleep(20);
    terminated = start(processId, Map.of("tier", "gold")).getProcessInstanceKey();
    version2DefinitionKey = deploy(model("Check again"));
    Thread.sleep(20);
    version2 = start(processId, Map.of("other", 1)).getProcessInstanceKey();

    client.newFailCommand(jobOf(withIncident)).retries(0).errorMessage("CRM down").send().join();
    client.newCompleteCommand(jobOf(completed)).send().join();
    client.newCancelInstanceCommand(terminated).send().join();
    awaitIncident(withIncident);
    awaitState(completed, ProcessInstanceState.COMPLETED);
  }

  private SearchResponse<ProcessInstance> search(Consumer<ProcessInstanceFilter> filter) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> filter.accept(f.processDefinitionId(processId)))
        .sort(s -> s.processInstanceKey().asc())
        .send()
        .join();
  }

  private List<Long> keys(Consumer<ProcessInstanceFilter> filter) {
    SearchResponse<ProcessInstance> response = search(filter);
    assertThat(response.page().totalItems()).isEqualTo(response.items().size());
    return response.items().stream().map(ProcessInstance::getProcessInstanceKey).toList();
  }

  @Test
  void shouldFindAllInstancesOfAProcessWithTheirFields() {
    // when
    SearchResponse<ProcessInstance> response = search(f -> {});

    // then
    assertThat(response.page().totalItems()).isEqualTo(4);
    assertThat(response.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(withIncident, completed, terminated, version2);
    ProcessInstance first = response.items().get(0);
    assertThat(first.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(first.getHasIncident()).isTrue();
    assertThat(first.getProcessDefinitionName()).isEqualTo("Partner onboarding");
    assertThat(first.getProcessDefinitionVersion()).isEqualTo(1);
    assertThat(first.getStartDate()).isNotNull();
    assertThat(first.getEndDate()).isNull();
    ProcessInstance done = response.items().get(1);
    assertThat(done.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(done.getEndDate()).isAfterOrEqualTo(done.getStartDate());
    assertThat(response.items().get(2).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(response.items().get(3).getProcessDefinitionKey()).isEqualTo(version2DefinitionKey);
  }

  @Test
  void shouldFilterByStateWithOneOrSeveralValues() {
    assertThat(keys(f -> f.state(ProcessInstanceState.ACTIVE)))
        .containsExactly(withIncident, version2);
    assertThat(
            keys(
                f ->
                    f.state(
                        s ->
                            s.in(ProcessInstanceState.COMPLETED, ProcessInstanceState.TERMINATED))))
        .containsExactly(completed, terminated);
    assertThat(keys(f -> f.state(s -> s.neq(ProcessInstanceState.ACTIVE))))
        .containsExactly(completed, terminated);
  }

  @Test
  void shouldFilterByDefinitionVersionKeyAndInstanceKeys() {
    assertThat(keys(f -> f.processDefinitionVersion(2))).containsExactly(version2);
    assertThat(keys(f -> f.processDefinitionVersion(v -> v.lt(2))))
        .containsExactly(withIncident, completed, terminated);
    assertThat(keys(f -> f.processDefinitionKey(version2DefinitionKey))).containsExactly(version2);
    assertThat(keys(f -> f.processInstanceKey(k -> k.in(withIncident, terminated))))
        .containsExactly(withIncident, terminated);
    assertThat(keys(f -> f.processInstanceKey(k -> k.notIn(withIncident, terminated))))
        .containsExactly(completed, version2);
    assertThat(keys(f -> f.processInstanceKey(completed))).containsExactly(completed);
  }

  @Test
  void shouldFilterByIncidentDatesParentAndName() {
    assertThat(keys(f -> f.hasIncident(true))).containsExactly(withIncident);
    assertThat(keys(f -> f.hasIncident(false))).containsExactly(completed, terminated, version2);
    assertThat(keys(f -> f.endDate(d -> d.exists(true)))).containsExactly(completed, terminated);
    assertThat(keys(f -> f.startDate(d -> d.gte(instance(terminated).getStartDate()))))
        .containsExactly(terminated, version2);
    assertThat(keys(f -> f.startDate(d -> d.lt(instance(terminated).getStartDate()))))
        .containsExactly(withIncident, completed);
    assertThat(keys(f -> f.parentProcessInstanceKey(p -> p.exists(false)))).hasSize(4);
    assertThat(keys(f -> f.parentProcessInstanceKey(42L))).isEmpty();
    assertThat(keys(f -> f.processDefinitionName(n -> n.like("Partner*")))).hasSize(4);
    assertThat(keys(f -> f.processDefinitionName(n -> n.like("partner*")))).isEmpty();
  }

  @Test
  void shouldFilterByVariableValuesAsJson() {
    assertThat(keys(f -> f.variables(Map.of("tier", "\"gold\""))))
        .containsExactly(withIncident, terminated);
    assertThat(
            keys(
                f ->
                    f.variables(
                        List.of(v -> v.name("tier").value(s -> s.in("\"gold\"", "\"silver\""))))))
        .containsExactly(withIncident, completed, terminated);
    assertThat(keys(f -> f.variables(Map.of("tier", "gold")))).isEmpty();
    assertThat(keys(f -> f.variables(Map.of("other", "1")))).containsExactly(version2);
  }

  @Test
  void shouldFilterByElementAndIncidentMessageAndAlternatives() {
    assertThat(keys(f -> f.elementId("task").hasElementInstanceIncident(true)))
        .containsExactly(withIncident);
    assertThat(keys(f -> f.errorMessage(m -> m.like("CRM*")))).containsExactly(withIncident);
    assertThat(
            keys(
                f ->
                    f.orFilters(
                        List.of(
                            o -> o.state(ProcessInstanceState.COMPLETED),
                            o -> o.hasIncident(true)))))
        .containsExactly(withIncident, completed);
  }

  @Test
  void shouldSortAndPageWithTotalsAndCursors() {
    // when
    SearchResponse<ProcessInstance> first =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.startDate().desc())
            .page(p -> p.from(0).limit(2))
            .send()
            .join();
    SearchResponse<ProcessInstance> second =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.startDate().desc())
            .page(p -> p.from(2).limit(2))
            .send()
            .join();
    SearchResponse<ProcessInstance> afterFirst =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.startDate().desc())
            .page(p -> p.after(first.page().endCursor()).limit(2))
            .send()
            .join();
    SearchResponse<ProcessInstance> beforeSecond =
        client
            .newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.startDate().desc())
            .page(p -> p.before(second.page().startCursor()).limit(2))
            .send()
            .join();

    // then
    assertThat(first.page().totalItems()).isEqualTo(4);
    assertThat(first.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(version2, terminated);
    assertThat(second.page().totalItems()).isEqualTo(4);
    assertThat(second.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(completed, withIncident);
    assertThat(afterFirst.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(completed, withIncident);
    assertThat(beforeSecond.items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(version2, terminated);
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .sort(s -> s.state().asc().processInstanceKey().desc())
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(version2, withIncident, completed, terminated);
  }

  @Test
  void shouldPageNewestFirstWithoutGapsAndCountUpToMaxTotalHits() {
    int previous = searchProperties.getMaxTotalHits();
    searchProperties.setMaxTotalHits(2);
    try {
      // when: the console's list, newest first, a page of one at a time; and its count alone
      List<Long> walked = new java.util.ArrayList<>();
      for (int from = 0; from < 4; from++) {
        SearchResponse<ProcessInstance> page = newestFirst(from, 1, f -> {});
        walked.addAll(page.items().stream().map(ProcessInstance::getProcessInstanceKey).toList());
        // then: 4 match, counted up to the cap of 2, "more" said
        assertThat(page.page().totalItems()).isEqualTo(2);
        assertThat(page.page().hasMoreTotalItems()).isTrue();
      }
      SearchResponse<ProcessInstance> countOnly = newestFirst(0, 0, f -> {});
      SearchResponse<ProcessInstance> shortLast = newestFirst(3, 5, f -> {});
      SearchResponse<ProcessInstance> pastTheEnd = newestFirst(9, 5, f -> {});

      // then: every instance once, in start order; a short page or none still says "more"
      assertThat(walked).containsExactly(version2, terminated, completed, withIncident);
      assertThat(countOnly.items()).isEmpty();
      assertThat(countOnly.page().totalItems()).isEqualTo(2);
      assertThat(countOnly.page().hasMoreTotalItems()).isTrue();
      assertThat(shortLast.items())
          .extracting(ProcessInstance::getProcessInstanceKey)
          .containsExactly(withIncident);
      assertThat(shortLast.page().hasMoreTotalItems()).isTrue();
      assertThat(pastTheEnd.items()).isEmpty();
      assertThat(pastTheEnd.page().hasMoreTotalItems()).isTrue();

      // when: as many match as the cap (by state, the state index), or fewer
      SearchResponse<ProcessInstance> active =
          newestFirst(0, 1, f -> f.state(ProcessInstanceState.ACTIVE));
      searchProperties.setMaxTotalHits(4);
      SearchResponse<ProcessInstance> exact = newestFirst(0, 2, f -> {});
      SearchResponse<ProcessInstance> none = newestFirst(0, 2, f -> f.processDefinitionVersion(3));

      // then: exact counts
      assertThat(active.items())
          .extracting(ProcessInstance::getProcessInstanceKey)
          .containsExactly(version2);
      assertThat(active.page().totalItems()).isEqualTo(2);
      assertThat(active.page().hasMoreTotalItems()).isFalse();
      assertThat(exact.page().totalItems()).isEqualTo(4);
      assertThat(exact.page().hasMoreTotalItems()).isFalse();
      assertThat(none.page().totalItems()).isZero();
      assertThat(none.page().hasMoreTotalItems()).isFalse();
    } finally {
      searchProperties.setMaxTotalHits(previous);
    }
  }

  private SearchResponse<ProcessInstance> newestFirst(
      int from, int limit, Consumer<ProcessInstanceFilter> filter) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> filter.accept(f.processDefinitionId(processId)))
        .sort(s -> s.startDate().desc())
        .page(p -> p.from(from).limit(limit))
        .send()
        .join();
  }
}
