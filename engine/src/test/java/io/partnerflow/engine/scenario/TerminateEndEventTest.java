package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Terminate end events: end everything else in their flow scope, which then completes. */
class TerminateEndEventTest extends ScopeScenarioTest {

  private final String processId = unique("terminate");
  private final String waitingType = unique("waiting");
  private final String finishingType = unique("finishing");
  private final String afterType = unique("after");

  @Test
  void shouldTerminateTheOtherBranchesAndCompleteTheProcessInstance() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .parallelGateway("fork")
            .serviceTask("waiting", t -> t.zeebeJobType(waitingType))
            .endEvent("end")
            .moveToNode("fork")
            .serviceTask("finishing", t -> t.zeebeJobType(finishingType))
            .endEvent("terminate", e -> e.terminate())
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(waitingType);

    // when
    client.newCompleteCommand(awaitJob(finishingType)).send().join();

    // then: COMPLETED, as in Camunda 8 (not TERMINATED)
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .containsExactly(
            "start COMPLETED",
            "fork COMPLETED",
            "waiting TERMINATED",
            "finishing COMPLETED",
            "terminate COMPLETED");
    assertNoJob(waitingType);
  }

  @Test
  void shouldDropTokensThatHaveNotArrivedYet() {
    // given: the terminate end event is reached in the same step as the other branch's task
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .endEvent("terminate", e -> e.terminate())
            .moveToNode("fork")
            .serviceTask("waiting", t -> t.zeebeJobType(waitingType))
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertNoJob(waitingType);
    assertThat(history(key)).doesNotContain("waiting ACTIVE");
  }

  @Test
  void shouldTerminateOnlyTheSubProcessContentAndContinueAfterIt() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("outerFork")
            .serviceTask("outside", t -> t.zeebeJobType(waitingType + "-outside"))
            .endEvent()
            .moveToNode("outerFork")
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("waiting", t -> t.zeebeJobType(waitingType))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("finishing", t -> t.zeebeJobType(finishingType))
            .endEvent("terminate", e -> e.terminate())
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(waitingType);

    // when
    client.newCompleteCommand(awaitJob(finishingType)).send().join();

    // then: the sub-process completed and the token goes on; outside the sub-process nothing ended
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    assertThat(history(key))
        .contains(
            "sub COMPLETED",
            "waiting TERMINATED",
            "terminate COMPLETED",
            "after COMPLETED",
            "outside ACTIVE");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);

    // when
    client.newCompleteCommand(awaitJob(waitingType + "-outside")).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
  }
}
