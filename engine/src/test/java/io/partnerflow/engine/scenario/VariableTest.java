package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.filter.VariableFilter;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /v2/variables/search, GET /v2/variables/{key}, PUT /v2/element-instances/{key}/variables.
 */
class VariableTest extends EngineScenarioTest {

  private final String processId = unique("variables");
  private final String type = unique("variables-task");

  private long instanceKey;
  private long taskKey;

  @BeforeEach
  void startInstanceWaitingAtTask() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .serviceTask(
                "task", t -> t.zeebeJobType(type).zeebeInputExpression("=amount * 2", "double"))
            .endEvent()
            .done());
    instanceKey =
        start(processId, Map.of("amount", 21, "partner", "Acme", "address", Map.of("city", "Oslo")))
            .getProcessInstanceKey();
    taskKey =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey).elementId("task"))
            .send()
            .join()
            .singleItem()
            .getElementInstanceKey();
  }

  private SearchResponse<Variable> search(Consumer<VariableFilter> filter) {
    return client
        .newVariableSearchRequest()
        .filter(f -> filter.accept(f.processInstanceKey(instanceKey)))
        .sort(s -> s.name().asc())
        .send()
        .join();
  }

  private Map<String, String> valuesIn(long scopeKey) {
    return search(f -> f.scopeKey(scopeKey)).items().stream()
        .collect(java.util.stream.Collectors.toMap(Variable::getName, Variable::getValue));
  }

  @Test
  void shouldFindVariablesByInstanceScopeNameAndValue() {
    // when
    SearchResponse<Variable> all = search(f -> {});

    // then
    assertThat(all.page().totalItems()).isEqualTo(4);
    assertThat(all.items())
        .extracting(
            Variable::getName, Variable::getValue, Variable::getScopeKey, Variable::isTruncated)
        .containsExactly(
            tuple("address", "{\"city\":\"Oslo\"}", instanceKey, false),
            tuple("amount", "21", instanceKey, false),
            tuple("double", "42", taskKey, false),
            tuple("partner", "\"Acme\"", instanceKey, false));
    assertThat(search(f -> f.scopeKey(taskKey)).items())
        .extracting(Variable::getName)
        .containsExactly("double");
    assertThat(search(f -> f.name(n -> n.in("amount", "partner"))).items())
        .extracting(Variable::getName)
        .containsExactly("amount", "partner");
    assertThat(search(f -> f.name(n -> n.like("a*"))).page().totalItems()).isEqualTo(2);
    assertThat(search(f -> f.value("\"Acme\"")).items())
        .extracting(Variable::getName)
        .containsExactly("partner");
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .sort(s -> s.name().desc())
                .page(p -> p.limit(1))
                .send()
                .join())
        .satisfies(
            page -> {
              assertThat(page.page().totalItems()).isEqualTo(4);
              assertThat(page.items()).extracting(Variable::getName).containsExactly("partner");
            });
  }

  @Test
  void shouldReadOneVariableByKey() {
    // given
    Variable amount = search(f -> f.name("amount")).singleItem();

    // when
    Variable read = client.newVariableGetRequest(amount.getVariableKey()).send().join();

    // then
    assertThat(read.getName()).isEqualTo("amount");
    assertThat(read.getValue()).isEqualTo("21");
    assertThat(read.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThatThrownBy(() -> client.newVariableGetRequest(13L).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldSetVariablesLocallyOnTheGivenScope() {
    // when
    client
        .newSetVariablesCommand(taskKey)
        .variables(Map.of("note", "checked", "amount", 1))
        .local(true)
        .send()
        .join();

    // then
    assertThat(valuesIn(taskKey))
        .containsOnly(
            Map.entry("double", "42"), Map.entry("note", "\"checked\""), Map.entry("amount", "1"));
    assertThat(valuesIn(instanceKey)).containsEntry("amount", "21").doesNotContainKey("note");
  }

  @Test
  void shouldPropagateVariablesToTheScopeThatHasThemOrTheProcessInstance() {
    // when
    client
        .newSetVariablesCommand(taskKey)
        .variables(Map.of("double", 0, "amount", 5, "approved", true))
        .send()
        .join();

    // then: double stays local (it lives there), the others go to the process instance
    assertThat(valuesIn(taskKey)).containsOnly(Map.entry("double", "0"));
    assertThat(valuesIn(instanceKey))
        .containsEntry("amount", "5")
        .containsEntry("approved", "true")
        .containsEntry("partner", "\"Acme\"");
  }

  @Test
  void shouldSetVariablesOnTheProcessInstanceScope() {
    // when
    client.newSetVariablesCommand(instanceKey).variables(Map.of("stage", "review")).send().join();

    // then
    assertThat(valuesIn(instanceKey)).containsEntry("stage", "\"review\"");
  }

  @Test
  void shouldAnswer404ForUnknownScopeAnd409ForFinishedScope() {
    // given
    long startEventKey =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey).elementId("start"))
            .send()
            .join()
            .singleItem()
            .getElementInstanceKey();

    // then
    assertThatThrownBy(
            () -> client.newSetVariablesCommand(17L).variables(Map.of("a", 1)).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
    assertThatThrownBy(
            () ->
                client
                    .newSetVariablesCommand(startEventKey)
                    .variables(Map.of("a", 1))
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
    assertThat(valuesIn(startEventKey)).isEmpty();
  }
}
