package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.filter.ElementInstanceFilter;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The element history through POST /v2/element-instances/search and GET /{key}. */
class ElementInstanceSearchTest extends EngineScenarioTest {

  private final String processId = unique("ei-search");
  private final String type = unique("ei-search-task");
  private long definitionKey;

  @BeforeEach
  void deployModel() {
    definitionKey =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("start")
                .serviceTask("check", t -> t.name("Check partner").zeebeJobType(type))
                .exclusiveGateway("approved")
                .conditionExpression("=ok")
                .endEvent("accepted")
                .moveToLastExclusiveGateway()
                .defaultFlow()
                .endEvent("rejected")
                .done());
  }

  private ActivatedJob activate() {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5))
        .send()
        .join()
        .getJobs()
        .get(0);
  }

  private SearchResponse<ElementInstance> search(Consumer<ElementInstanceFilter> filter) {
    return client
        .newElementInstanceSearchRequest()
        .filter(filter)
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join();
  }

  private long finishedInstance(boolean ok) {
    long key = start(processId, Map.of("ok", ok)).getProcessInstanceKey();
    client.newCompleteCommand(activate()).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    return key;
  }

  @Test
  void shouldShowTheHistoryOfAFinishedInstanceWithStatesAndTypes() {
    // given
    long key = finishedInstance(true);

    // when
    SearchResponse<ElementInstance> history = search(f -> f.processInstanceKey(key));

    // then
    assertThat(history.page().totalItems()).isEqualTo(4);
    assertThat(history.items())
        .extracting(
            ElementInstance::getElementId,
            ElementInstance::getType,
            ElementInstance::getState,
            ElementInstance::getProcessDefinitionKey,
            ElementInstance::getProcessDefinitionId)
        .containsExactly(
            tuple(
                "start",
                ElementInstanceType.START_EVENT,
                ElementInstanceState.COMPLETED,
                definitionKey,
                processId),
            tuple(
                "check",
                ElementInstanceType.SERVICE_TASK,
                ElementInstanceState.COMPLETED,
                definitionKey,
                processId),
            tuple(
                "approved",
                ElementInstanceType.EXCLUSIVE_GATEWAY,
                ElementInstanceState.COMPLETED,
                definitionKey,
                processId),
            tuple(
                "accepted",
                ElementInstanceType.END_EVENT,
                ElementInstanceState.COMPLETED,
                definitionKey,
                processId));
    ElementInstance task = history.items().get(1);
    assertThat(task.getElementName()).isEqualTo("Check partner");
    assertThat(task.getStartDate()).isNotNull();
    assertThat(task.getEndDate()).isAfterOrEqualTo(task.getStartDate());
    assertThat(task.getIncident()).isFalse();
    assertThat(task.getIncidentKey()).isNull();
  }

  @Test
  void shouldFilterByTypeStateElementAndDefinition() {
    // given
    long accepted = finishedInstance(true);
    long rejected = finishedInstance(false);
    long running = start(processId, Map.of("ok", true)).getProcessInstanceKey();

    // then
    assertThat(search(f -> f.processInstanceKey(rejected)).items())
        .extracting(ElementInstance::getElementId)
        .containsExactly("start", "check", "approved", "rejected");
    assertThat(
            search(f -> f.processDefinitionKey(definitionKey).type(ElementInstanceType.END_EVENT))
                .items())
        .extracting(ElementInstance::getProcessInstanceKey, ElementInstance::getElementId)
        .containsExactly(tuple(accepted, "accepted"), tuple(rejected, "rejected"));
    assertThat(
            search(f -> f.processDefinitionKey(definitionKey).state(ElementInstanceState.ACTIVE))
                .items())
        .extracting(ElementInstance::getProcessInstanceKey, ElementInstance::getElementId)
        .containsExactly(tuple(running, "check"));
    assertThat(
            search(
                    f ->
                        f.processDefinitionId(processId)
                            .state(
                                s ->
                                    s.in(
                                        ElementInstanceState.ACTIVE,
                                        ElementInstanceState.TERMINATED)))
                .items())
        .extracting(ElementInstance::getProcessInstanceKey)
        .containsExactly(running);
    assertThat(
            search(f -> f.processDefinitionKey(definitionKey).elementName("Check partner"))
                .page()
                .totalItems())
        .isEqualTo(3);
    assertThat(search(f -> f.processInstanceKey(running).elementId("accepted")).items()).isEmpty();
  }

  @Test
  void shouldPageTheHistoryAndReadOneElementInstance() {
    // given
    long key = finishedInstance(true);

    // when
    SearchResponse<ElementInstance> page =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .sort(s -> s.elementId().desc())
            .page(p -> p.from(1).limit(2))
            .send()
            .join();
    ElementInstance gateway = page.items().get(1);

    // then: elementIds descending are start, check, approved, accepted
    assertThat(page.page().totalItems()).isEqualTo(4);
    assertThat(page.items())
        .extracting(ElementInstance::getElementId)
        .containsExactly("check", "approved");
    ElementInstance read =
        client.newElementInstanceGetRequest(gateway.getElementInstanceKey()).send().join();
    assertThat(read.getElementId()).isEqualTo("approved");
    assertThat(read.getType()).isEqualTo(ElementInstanceType.EXCLUSIVE_GATEWAY);
    assertThat(read.getProcessInstanceKey()).isEqualTo(key);
  }

  @Test
  void shouldAnswer404ForUnknownElementInstance() {
    assertThatThrownBy(() -> client.newElementInstanceGetRequest(11L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
