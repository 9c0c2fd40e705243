package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Script tasks with an inline FEEL script (zeebe:script): evaluated by the engine, no job. */
class FeelScriptTaskTest extends ScopeScenarioTest {

  @Test
  void shouldPutTheScriptsResultIntoTheProcessInstance() {
    // given
    String processId = unique("feel-script");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .scriptTask(
                "discount",
                t ->
                    t.zeebeExpression("if tier = \"Gold\" then 0.2 else 0.1")
                        .zeebeResultVariable("rate"))
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of("tier", "Gold")).getProcessInstanceKey();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(variablesOf(key)).containsEntry("rate", "0.2").containsEntry("tier", "\"Gold\"");
    assertThat(history(key)).contains("discount COMPLETED");
  }

  @Test
  void shouldKeepTheResultLocalWhenOutputMappingsPickWhatLeaves() {
    // given
    String processId = unique("feel-script-mapped");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .scriptTask(
                "total",
                t ->
                    t.zeebeExpression("sum(amounts)")
                        .zeebeResultVariable("sum")
                        .zeebeOutputExpression("sum * 2", "doubled"))
            .endEvent()
            .done());

    // when
    long key =
        start(processId, Map.of("amounts", java.util.List.of(1, 2, 3))).getProcessInstanceKey();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(variablesOf(key)).containsEntry("doubled", "12").doesNotContainKey("sum");
    assertThat(variablesOf(elementInstance(key, "total").getElementInstanceKey()))
        .containsEntry("sum", "6");
  }

  @Test
  void shouldRaiseAnIncidentWhenTheScriptFails() {
    // given: assert() fails the evaluation when its condition is false
    String processId = unique("feel-script-failing");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .scriptTask(
                "check",
                t -> t.zeebeExpression("assert(score, score > 0)").zeebeResultVariable("checked"))
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of("score", -1)).getProcessInstanceKey();

    // then
    awaitIncident(key);
    Incident incident =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .send()
            .join()
            .singleItem();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo("check");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldRejectAScriptThatIsNotFeelAtDeployment() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("feel-script-broken"))
            .startEvent()
            .scriptTask("broken", t -> t.zeebeExpression("1 +* 2").zeebeResultVariable("x"))
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("broken");
            });
  }
}
