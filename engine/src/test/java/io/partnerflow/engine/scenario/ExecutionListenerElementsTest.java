package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Execution listeners on the other element kinds: gateways (a start listener decides the route),
 * catch events (a start listener computes the correlation key), sub-processes, multi-instance
 * activities (per inner instance), call activities, boundary and end events.
 */
class ExecutionListenerElementsTest extends ListenerScenarioTest {

  private final String processId = unique("el-elements");
  private final String listener = unique("el");
  private final String endListener = unique("el-end");
  private final String task = unique("el-task");

  @Test
  void shouldLetAGatewayStartListenerDecideTheRoute() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("route")
            .zeebeStartExecutionListener(listener)
            .defaultFlow()
            .endEvent("standard")
            .moveToNode("route")
            .conditionExpression("= tier = \"gold\"")
            .endEvent("premium")
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when: the listener sets the variable the conditions read
    ActivatedJob job = awaitJob(listener);
    assertThat(elementState(key, "route")).isEqualTo(ElementInstanceState.ACTIVE);
    client.newCompleteCommand(job).variables(Map.of("tier", "gold")).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(elementIds(key)).contains("premium").doesNotContain("standard");
  }

  @Test
  void shouldSubscribeACatchEventAfterItsStartListenerAndRunItsEndListenerAfterTheMessage() {
    // given: the correlation key comes from the start listener
    String message = unique("contract-signed");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "signed",
                e ->
                    e.message(m -> m.name(message).zeebeCorrelationKeyExpression("contractId"))
                        .zeebeStartExecutionListener(listener)
                        .zeebeEndExecutionListener(endListener))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    client
        .newCompleteCommand(awaitJob(listener))
        .variables(Map.of("contractId", "c-7"))
        .send()
        .join();

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("c-7")
        .variables(Map.of("signedBy", "dana"))
        .send()
        .join();

    // then: the end listener sees the message's variables, then the instance ends
    ActivatedJob end = awaitJob(endListener);
    assertThat(end.getVariablesAsMap()).containsEntry("signedBy", "dana");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(end).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunSubProcessListenersAroundItsContent() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "checks",
                s ->
                    s.zeebeStartExecutionListener(listener)
                        .zeebeEndExecutionListener(endListener)
                        .embeddedSubProcess()
                        .startEvent("inner-start")
                        .serviceTask("inner", t -> t.zeebeJobType(task))
                        .endEvent("inner-end"))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when / then: nothing inside starts before the start listener completes
    ActivatedJob startJob = awaitJob(listener);
    assertThat(elementIds(key)).doesNotContain("inner-start");
    client.newCompleteCommand(startJob).send().join();
    client.newCompleteCommand(awaitJob(task)).send().join();

    // and: the end listener runs after the content ended
    ActivatedJob endJob = awaitJob(endListener);
    assertThat(elementState(key, "inner-end")).isEqualTo(ElementInstanceState.COMPLETED);
    assertThat(elementState(key, "checks")).isEqualTo(ElementInstanceState.ACTIVE);
    client.newCompleteCommand(endJob).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunTheListenersOfAMultiInstanceActivityForEachInnerInstance() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "per-partner",
                t ->
                    t.zeebeJobType(task)
                        .zeebeStartExecutionListener(listener)
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("partners")
                                    .zeebeInputElement("partner")))
            .endEvent()
            .done());
    long key = start(processId, Map.of("partners", List.of("a", "b", "c"))).getProcessInstanceKey();

    // then: one start listener job per inner instance, each seeing its element
    List<ActivatedJob> jobs = awaitJobs(listener, 3);
    assertThat(jobs)
        .extracting(j -> j.getVariablesAsMap().get("partner"))
        .containsExactlyInAnyOrder("a", "b", "c");
    for (ActivatedJob job : jobs) {
      client.newCompleteCommand(job).send().join();
    }
    for (ActivatedJob job : awaitJobs(task, 3)) {
      client.newCompleteCommand(job).send().join();
    }
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunABoundaryEventsEndListenerAndAnEndEventsListeners() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(task))
            .boundaryEvent("late", b -> b.timerWithDuration("PT1H"))
            .zeebeEndExecutionListener(endListener)
            .endEvent("escalated", e -> e.zeebeStartExecutionListener(listener))
            .moveToActivity("work")
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(task);

    // when: the timer fires
    client.newPinClockCommand().time(Instant.now().plus(Duration.ofHours(2))).send().join();
    try {
      // then: the boundary event waits for its end listener, then the end event for its start one
      ActivatedJob end = awaitJob(endListener);
      assertThat(elementState(key, "late")).isEqualTo(ElementInstanceState.ACTIVE);
      client.newCompleteCommand(end).send().join();
      ActivatedJob start = awaitJob(listener);
      assertThat(elementState(key, "escalated")).isEqualTo(ElementInstanceState.ACTIVE);
      client.newCompleteCommand(start).send().join();
      awaitState(key, ProcessInstanceState.COMPLETED);
    } finally {
      client.newResetClockCommand().send().join();
    }
  }

  @Test
  void shouldRunACallActivitysStartListenerBeforeTheChildIsCreated() {
    // given
    String childId = unique("el-child");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().endEvent().done());
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .callActivity(
                "call", c -> c.zeebeProcessId(childId).zeebeStartExecutionListener(listener))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when / then
    ActivatedJob job = awaitJob(listener);
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.parentProcessInstanceKey(key))
                .send()
                .join()
                .items())
        .isEmpty();
    client.newCompleteCommand(job).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  // --- helpers ---

  private List<ActivatedJob> awaitJobs(String type, int count) {
    List<ActivatedJob> jobs = new java.util.ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              jobs.addAll(activateNow(type));
              return jobs.size() >= count;
            });
    assertThat(jobs).hasSize(count);
    return jobs;
  }

  private List<String> elementIds(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items()
        .stream()
        .map(ElementInstance::getElementId)
        .toList();
  }

  private ElementInstanceState elementState(long processInstanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId))
        .send()
        .join()
        .singleItem()
        .getState();
  }
}
