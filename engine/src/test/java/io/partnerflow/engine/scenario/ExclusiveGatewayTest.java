package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExclusiveGatewayTest extends EngineScenarioTest {

  private final String processId = unique("review");
  private final String type = unique("route");

  /** score > 70 → approve, score < 30 → reject, otherwise (default flow, if any) → review. */
  private BpmnModelInstance model(boolean withDefault) {
    var gateway = Bpmn.createExecutableProcess(processId).startEvent().exclusiveGateway("split");
    var branches =
        withDefault
            ? gateway
                .defaultFlow()
                .serviceTask("review", t -> t.zeebeJobType(type))
                .endEvent("reviewed")
                .moveToNode("split")
            : gateway;
    return branches
        .sequenceFlowId("toApprove")
        .conditionExpression("= score > 70")
        .serviceTask("approve", t -> t.zeebeJobType(type))
        .endEvent("approved")
        .moveToNode("split")
        .sequenceFlowId("toReject")
        .conditionExpression("= score < 30")
        .serviceTask("reject", t -> t.zeebeJobType(type))
        .endEvent("rejected")
        .done();
  }

  private String nextTaskFor(int score) {
    long key = start(processId, Map.of("score", score)).getProcessInstanceKey();
    List<ActivatedJob> jobs =
        client.newActivateJobsCommand().jobType(type).maxJobsToActivate(5).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    client.newCompleteCommand(jobs.get(0)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    return jobs.get(0).getElementId();
  }

  @Test
  void shouldRouteByConditionAndFallBackToDefaultFlow() {
    // given
    deploy(model(true));

    // when / then
    assertThat(nextTaskFor(90)).isEqualTo("approve");
    assertThat(nextTaskFor(10)).isEqualTo("reject");
    assertThat(nextTaskFor(50)).isEqualTo("review");
  }

  @Test
  void shouldRaiseIncidentWhenNoConditionMatchesAndNoDefaultFlow() {
    // given
    deploy(model(false));

    // when
    long key = start(processId, Map.of("score", 50)).getProcessInstanceKey();

    // then
    awaitIncident(key);
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldRaiseIncidentWhenConditionCannotBeEvaluated() {
    // given
    deploy(model(false));

    // when: score is a string, "score > 70" is not a boolean
    long key = start(processId, Map.of("score", "high")).getProcessInstanceKey();

    // then
    awaitIncident(key);
  }
}
