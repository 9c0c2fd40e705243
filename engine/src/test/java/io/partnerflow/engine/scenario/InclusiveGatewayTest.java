package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ExclusiveGatewayBuilder;
import io.camunda.zeebe.model.bpmn.builder.InclusiveGatewayBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inclusive gateway: fork on every true condition (default, incident), join what can arrive. */
class InclusiveGatewayTest extends ClockDrivenScenarioTest {

  /**
   * fork: pasta (= contains(courses, "pasta")), steak, salad (each a job of type prefix-name), the
   * default flow to "bread" when none is chosen; all four join, then a job "serve".
   */
  private BpmnModelInstance lunch(String processId, String prefix, boolean withDefault) {
    var builder =
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .inclusiveGateway("fork")
            .sequenceFlowId("toPasta")
            .conditionExpression("list contains(courses, \"pasta\")")
            .serviceTask("pasta", t -> t.zeebeJobType(prefix + "-pasta"))
            .inclusiveGateway("join")
            .serviceTask("serve", t -> t.zeebeJobType(prefix + "-serve"))
            .endEvent("end")
            .moveToNode("fork")
            .sequenceFlowId("toSteak")
            .conditionExpression("list contains(courses, \"steak\")")
            .serviceTask("steak", t -> t.zeebeJobType(prefix + "-steak"))
            .connectTo("join")
            .moveToNode("fork")
            .sequenceFlowId("toSalad")
            .conditionExpression("list contains(courses, \"salad\")")
            .serviceTask("salad", t -> t.zeebeJobType(prefix + "-salad"))
            .connectTo("join");
    if (withDefault) {
      builder =
          ((InclusiveGatewayBuilder) builder.moveToNode("fork"))
              .sequenceFlowId("toBread")
              .defaultFlow()
              .serviceTask("bread", t -> t.zeebeJobType(prefix + "-bread"))
              .connectTo("join");
    }
    return builder.done();
  }

  private List<ElementInstance> elements(long processInstanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId))
        .send()
        .join()
        .items();
  }

  private void complete(ActivatedJob job) {
    client.newCompleteCommand(job).send().join();
  }

  @Test
  void shouldTakeEveryFlowWhoseConditionIsTrueAndJoinThemOnce() {
    // given
    String processId = unique("lunch");
    String prefix = unique("cook");
    deploy(lunch(processId, prefix, true));

    // when
    long key =
        start(processId, Map.of("courses", List.of("pasta", "salad"))).getProcessInstanceKey();

    // then: pasta and salad, not steak nor bread
    ActivatedJob pasta = awaitJob(prefix + "-pasta");
    ActivatedJob salad = awaitJob(prefix + "-salad");
    assertNoJob(prefix + "-steak");
    assertNoJob(prefix + "-bread");

    // when: one branch arrives, the join waits for the other one that can still arrive
    complete(pasta);
    assertNoJob(prefix + "-serve");
    assertThat(elements(key, "join")).isEmpty();

    // when: the other one arrives
    complete(salad);

    // then: the join activates once, without waiting for the flows not taken
    complete(awaitJob(prefix + "-serve"));
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(elements(key, "join"))
        .extracting(ElementInstance::getState)
        .containsExactly(ElementInstanceState.COMPLETED);
  }

  @Test
  void shouldJoinASingleTakenFlowAtOnce() {
    // given
    String processId = unique("lunch");
    String prefix = unique("cook");
    deploy(lunch(processId, prefix, true));
    long key = start(processId, Map.of("courses", List.of("steak"))).getProcessInstanceKey();

    // when
    complete(awaitJob(prefix + "-steak"));

    // then
    complete(awaitJob(prefix + "-serve"));
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldTakeTheDefaultFlowWhenNoConditionIsTrue() {
    // given
    String processId = unique("lunch");
    String prefix = unique("cook");
    deploy(lunch(processId, prefix, true));

    // when
    long key = start(processId, Map.of("courses", List.of("soup"))).getProcessInstanceKey();

    // then
    complete(awaitJob(prefix + "-bread"));
    complete(awaitJob(prefix + "-serve"));
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertNoJob(prefix + "-pasta");
  }

  @Test
  void shouldRaiseAnIncidentWhenNoConditionIsTrueAndThereIsNoDefault() {
    // given
    String processId = unique("lunch");
    String prefix = unique("cook");
    deploy(lunch(processId, prefix, false));

    // when
    long key = start(processId, Map.of("courses", List.of("soup"))).getProcessInstanceKey();

    // then
    awaitIncident(key);
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(key))
                .send()
                .join()
                .items())
        .extracting(i -> i.getElementId(), i -> i.getErrorType())
        .containsExactly(tuple("fork", IncidentErrorType.CONDITION_ERROR));

    // when: the variable is fixed and the incident resolved
    client.newSetVariablesCommand(key).variables(Map.of("courses", List.of("steak"))).send().join();
    long incidentKey =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .send()
            .join()
            .items()
            .get(0)
            .getIncidentKey();
    client.newResolveIncidentCommand(incidentKey).send().join();

    // then
    complete(awaitJob(prefix + "-steak"));
    complete(awaitJob(prefix + "-serve"));
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldJoinTokensThatArriveInTheSameStep() {
    // given: both flows of the fork lead straight to the join
    String processId = unique("direct");
    String type = unique("after-join");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .inclusiveGateway("fork")
            .sequenceFlowId("a")
            .conditionExpression("true")
            .inclusiveGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .moveToNode("fork")
            .sequenceFlowId("b")
            .conditionExpression("true")
            .connectTo("join")
            .done());

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then: one token leaves the join
    complete(awaitJob(type));
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(elements(key, "join")).hasSize(1);
  }

  @Test
  void shouldStopWaitingForATokenThatEndsElsewhere() {
    // given: the second branch either joins or ends at "skipped"
    String processId = unique("maybe");
    String prefix = unique("branch");
    var decide =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .inclusiveGateway("fork")
            .sequenceFlowId("toA")
            .conditionExpression("true")
            .serviceTask("a", t -> t.zeebeJobType(prefix + "-a"))
            .inclusiveGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(prefix + "-after"))
            .endEvent("end")
            .moveToNode("fork")
            .sequenceFlowId("toB")
            .conditionExpression("true")
            .serviceTask("b", t -> t.zeebeJobType(prefix + "-b"))
            .exclusiveGateway("decide")
            .sequenceFlowId("join-it")
            .conditionExpression("joinIt")
            .connectTo("join")
            .moveToNode("decide");
    deploy(
        ((ExclusiveGatewayBuilder) decide)
            .sequenceFlowId("skip-it")
            .defaultFlow()
            .endEvent("skipped")
            .done());

    // when / then
    assertJoinStopsWaitingForBranchB(processId, prefix);
  }

  @Test
  void shouldStopWaitingForATokenThatEndsElsewhereInsideASubProcess() {
    // given: as above, inside a sub-process (whose scope holds the join's tokens)
    String processId = unique("maybe-inside");
    String prefix = unique("inner-branch");
    var decide =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .inclusiveGateway("fork")
            .sequenceFlowId("toA")
            .conditionExpression("true")
            .serviceTask("a", t -> t.zeebeJobType(prefix + "-a"))
            .inclusiveGateway("join")
            .serviceTask("after", t -> t.zeebeJobType(prefix + "-after"))
            .endEvent("end")
            .moveToNode("fork")
            .sequenceFlowId("toB")
            .conditionExpression("true")
            .serviceTask("b", t -> t.zeebeJobType(prefix + "-b"))
            .exclusiveGateway("decide")
            .sequenceFlowId("join-it")
            .conditionExpression("joinIt")
            .connectTo("join")
            .moveToNode("decide");
    deploy(
        ((ExclusiveGatewayBuilder) decide)
            .sequenceFlowId("skip-it")
            .defaultFlow()
            .endEvent("skipped")
            .subProcessDone()
            .endEvent("outer-end")
            .done());

    // when / then
    assertJoinStopsWaitingForBranchB(processId, prefix);
  }

  /**
   * a arrives at the join, b may still arrive; then b ends at "skipped" instead: the join stops
   * waiting, and everything completes.
   */
  private void assertJoinStopsWaitingForBranchB(String processId, String prefix) {
    long key = start(processId, Map.of()).getProcessInstanceKey();
    complete(awaitJob(prefix + "-a"));
    assertNoJob(prefix + "-after");
    client
        .newCompleteCommand(awaitJob(prefix + "-b"))
        .variables(Map.of("joinIt", false))
        .send()
        .join();
    complete(awaitJob(prefix + "-after"));
    awaitState(key, ProcessInstanceState.COMPLETED);
  }
}
