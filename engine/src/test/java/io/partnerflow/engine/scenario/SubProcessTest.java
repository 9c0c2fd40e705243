package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/** Embedded sub-processes: a scope that runs its content and completes when no token is left. */
class SubProcessTest extends ScopeScenarioTest {

  private final String processId = unique("sub-process");
  private final String innerType = unique("inner");
  private final String otherType = unique("other");
  private final String afterType = unique("after");

  @Test
  void shouldRunTheContentAndContinueAfterTheSubProcess() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent("subStart")
            .serviceTask("inner", t -> t.zeebeJobType(innerType))
            .endEvent("subEnd")
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent("end")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    ActivatedJob inner = awaitJob(innerType);

    // then: the inner task lives in the sub-process's scope
    long subKey = elementInstance(key, "sub").getElementInstanceKey();
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.elementInstanceScopeKey(subKey))
                .send()
                .join()
                .items())
        .extracting(e -> e.getElementId())
        .containsExactly("subStart", "inner");
    assertThat(history(key))
        .containsExactly("start COMPLETED", "sub ACTIVE", "subStart COMPLETED", "inner ACTIVE");
    assertNoJob(afterType);

    // when
    client.newCompleteCommand(inner).send().join();
    client.newCompleteCommand(awaitJob(afterType)).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .containsExactly(
            "start COMPLETED",
            "sub COMPLETED",
            "subStart COMPLETED",
            "inner COMPLETED",
            "subEnd COMPLETED",
            "after COMPLETED",
            "end COMPLETED");
  }

  @Test
  void shouldCompleteOnlyWhenEveryTokenInsideHasEnded() {
    // given: two parallel branches inside
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("a", t -> t.zeebeJobType(innerType))
            .endEvent("endA")
            .moveToNode("fork")
            .serviceTask("b", t -> t.zeebeJobType(otherType))
            .endEvent("endB")
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when: one branch ends
    client.newCompleteCommand(awaitJob(innerType)).send().join();

    // then: the sub-process still waits for the other
    assertNoJob(afterType);
    assertThat(history(key)).contains("sub ACTIVE", "endA COMPLETED", "b ACTIVE");

    // when
    client.newCompleteCommand(awaitJob(otherType)).send().join();

    // then
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("sub COMPLETED");
  }

  @Test
  void shouldKeepInputMappingsLocalAndPassOutputMappingsOut() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.zeebeInputExpression("order.id", "orderId")
                        .zeebeOutputExpression("total * 2", "doubled"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(innerType))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("order", Map.of("id", "o-7"))).getProcessInstanceKey();

    // when: the inner job sees the local variable and sets one that propagates outwards
    ActivatedJob inner = awaitJob(innerType);
    assertThat(inner.getVariablesAsMap()).containsEntry("orderId", "o-7");
    long subKey = elementInstance(key, "sub").getElementInstanceKey();
    assertThat(variablesOf(subKey)).containsOnly(Map.entry("orderId", "\"o-7\""));
    client.newCompleteCommand(inner).variables(Map.of("total", 21)).send().join();

    // then: the job's variable went to the process, the local one stayed in the sub-process
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariablesAsMap())
        .containsEntry("total", 21)
        .containsEntry("doubled", 42)
        .doesNotContainKey("orderId");
    assertThat(variablesOf(key)).containsKeys("order", "total", "doubled");
    client.newCompleteCommand(after).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldShadowAnOuterVariableWithALocalOne() {
    // given: the sub-process has its own 'status' (input mapping); inner sets it
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub", s -> s.zeebeInputExpression("\"inner\"", "status"))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(innerType))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("status", "outer")).getProcessInstanceKey();

    // when
    client
        .newCompleteCommand(awaitJob(innerType))
        .variables(Map.of("status", "done"))
        .send()
        .join();

    // then: the update landed on the sub-process's variable, the outer one is unchanged
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariablesAsMap()).containsEntry("status", "outer");
    client.newCompleteCommand(after).send().join();
  }

  @Test
  void shouldRunNestedSubProcesses() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("outer")
            .embeddedSubProcess()
            .startEvent()
            .subProcess("innerSub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(innerType))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .subProcessDone()
            .endEvent("end")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client.newCompleteCommand(awaitJob(innerType)).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("outer COMPLETED", "innerSub COMPLETED", "end COMPLETED");
  }

  @Test
  void shouldTerminateTheContentInnermostFirstWhenTheInstanceIsCancelled() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("outer")
            .embeddedSubProcess()
            .startEvent()
            .subProcess("innerSub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inner", t -> t.zeebeJobType(innerType))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .subProcessDone()
            .endEvent("end")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(innerType);

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    awaitState(key, ProcessInstanceState.TERMINATED);
    assertThat(history(key))
        .contains("outer TERMINATED", "innerSub TERMINATED", "inner TERMINATED");
    assertThat(
            elementInstance(key, "inner")
                .getEndDate()
                .compareTo(elementInstance(key, "outer").getEndDate()))
        .isLessThanOrEqualTo(0);
    assertNoJob(innerType);
  }

  @Test
  void shouldRejectASubProcessWithoutNoneStartEvent() {
    // given: the sub-process's start event and its flow removed
    var model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent("subStart")
            .sequenceFlowId("toInner")
            .serviceTask("inner", t -> t.zeebeJobType(innerType))
            .subProcessDone()
            .endEvent()
            .done();
    for (String id : new String[] {"toInner", "subStart"}) {
      ModelElementInstance element = model.getModelElementById(id);
      element.getParentElement().removeChildElement(element);
    }

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("sub");
            });
  }
}
