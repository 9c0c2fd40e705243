package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.BoundaryEventBuilder;
import io.camunda.zeebe.model.bpmn.builder.SubProcessBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Escalations: intermediate throw and end events, caught by boundary events of sub-processes and
 * call activities and by event sub-process escalation starts (interrupting and non-interrupting),
 * code before catch-all, across call activities, and uncaught (no incident, the flow goes on).
 */
class EscalationEventTest extends ScopeScenarioTest {

  private final String processId = unique("review");
  private final String workType = unique("work");
  private final String afterType = unique("after");
  private final String escalatedType = unique("escalated");
  private final String catchAllType = unique("catch-all");

  /**
   * start → sub-process "stage" (start → throw "late" → work → end) → end, with the given boundary
   * event on the stage leading to the escalated task.
   */
  private BpmnModelInstance stageWithBoundary(Consumer<BoundaryEventBuilder> boundary) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .subProcess(
            "stage",
            s ->
                s.embeddedSubProcess()
                    .startEvent()
                    .intermediateThrowEvent("raise", e -> e.escalation("late"))
                    .serviceTask("work", t -> t.zeebeJobType(workType))
                    .endEvent())
        .boundaryEvent("caught", boundary)
        .serviceTask("escalated", t -> t.zeebeJobType(escalatedType))
        .endEvent("escalatedEnd")
        .moveToActivity("stage")
        .serviceTask("after", t -> t.zeebeJobType(afterType))
        .endEvent("end")
        .done();
  }

  @Test
  void interruptingBoundaryOnASubProcessTerminatesItWithTheThrower() {
    deploy(stageWithBoundary(b -> b.escalation("late")));

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(escalatedType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .contains("stage TERMINATED", "raise TERMINATED", "caught COMPLETED")
        .doesNotContain("work ACTIVE", "raise COMPLETED");
    assertNoJob(workType);
    assertNoJob(afterType);
  }

  @Test
  void nonInterruptingBoundaryAlertsWhileTheSubProcessGoesOn() {
    deploy(stageWithBoundary(b -> b.cancelActivity(false).escalation("late")));

    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then: the alert runs and the throw event went on to the work
    client.newCompleteCommand(awaitJob(escalatedType)).send().join();
    client.newCompleteCommand(awaitJob(workType)).send().join();
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("raise COMPLETED", "caught COMPLETED", "stage COMPLETED");
  }

  @Test
  void aCatchEventWithTheCodeWinsOverACatchAllAndTheCatchAllTakesOtherCodes() {
    // given: on one sub-process a catch-all and a boundary for "late"; the code is a variable
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "stage",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .intermediateThrowEvent("raise", e -> e.escalationExpression("code"))
                        .serviceTask("work", t -> t.zeebeJobType(workType))
                        .endEvent())
            .boundaryEvent("any", b -> b.cancelActivity(false).escalation())
            .serviceTask("anyTask", t -> t.zeebeJobType(catchAllType))
            .endEvent()
            .moveToActivity("stage")
            .boundaryEvent("late", b -> b.cancelActivity(false).escalation("late"))
            .serviceTask("lateTask", t -> t.zeebeJobType(escalatedType))
            .endEvent()
            .moveToActivity("stage")
            .endEvent("end")
            .done());

    // when / then: "late" is caught by its own boundary only
    start(processId, Map.of("code", "late"));
    awaitJob(escalatedType);
    assertNoJob(catchAllType);

    // when / then: another code by the catch-all
    start(processId, Map.of("code", "over-budget"));
    awaitJob(catchAllType);
    assertNoJob(escalatedType);
  }

  @Test
  void interruptingEventSubProcessTakesOverTheProcess() {
    deployWithEventSubProcess(true);

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(escalatedType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("raise TERMINATED", "handlerStart COMPLETED");
    assertNoJob(workType);
  }

  @Test
  void nonInterruptingEventSubProcessRunsBesideTheThrowerWhichGoesOn() {
    deployWithEventSubProcess(false);

    long key = start(processId, Map.of()).getProcessInstanceKey();

    ActivatedJob escalated = awaitJob(escalatedType);
    client.newCompleteCommand(awaitJob(workType)).send().join();
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(escalated).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("raise COMPLETED", "handler COMPLETED");
  }

  /** start → throw "late" → work → end, with an event sub-process for "late". */
  private void deployWithEventSubProcess(boolean interrupting) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "handler",
                s ->
                    s.startEvent("handlerStart")
                        .interrupting(interrupting)
                        .escalation("late")
                        .serviceTask("escalated", t -> t.zeebeJobType(escalatedType))
                        .endEvent())
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.escalation("late"))
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .done());
  }

  @Test
  void endEventCaughtByANonInterruptingBoundaryEndsItsToken() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "stage",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .endEvent("raise", e -> e.escalation("late")))
            .boundaryEvent("caught", b -> b.cancelActivity(false).escalation("late"))
            .serviceTask("escalated", t -> t.zeebeJobType(escalatedType))
            .endEvent()
            .moveToActivity("stage")
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(escalatedType)).send().join();
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("raise COMPLETED", "stage COMPLETED");
  }

  @Test
  void escalationsOfAMultiInstanceSubProcessReachItsBoundaryEventOncePerInnerInstance() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "stage",
                (SubProcessBuilder s) ->
                    s.multiInstance(m -> m.zeebeInputCollectionExpression("partners")))
            .embeddedSubProcess()
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.escalation("late"))
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .subProcessDone()
            .boundaryEvent("caught", b -> b.cancelActivity(false).escalation("late"))
            .serviceTask("escalated", t -> t.zeebeJobType(escalatedType))
            .endEvent()
            .moveToActivity("stage")
            .endEvent("end")
            .done());

    long key = start(processId, Map.of("partners", List.of("a", "b"))).getProcessInstanceKey();

    assertThat(activate(escalatedType, Duration.ofSeconds(2))).hasSize(2);
    activate(workType, Duration.ofSeconds(2))
        .forEach(job -> client.newCompleteCommand(job).send().join());
    // the sub-process completed; the two escalated tasks still run
    assertThat(history(key)).contains("stage COMPLETED", "end COMPLETED");
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void anEventSubProcessInAnEmbeddedSubProcessCatchesBeforeTheSubProcessBoundary() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "stage",
                (SubProcessBuilder s) ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "inner",
                            e ->
                                e.startEvent("innerStart")
                                    .interrupting(false)
                                    .escalation("late")
                                    .serviceTask("innerTask", t -> t.zeebeJobType(escalatedType))
                                    .endEvent()))
            .embeddedSubProcess()
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.escalation("late"))
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .subProcessDone()
            .boundaryEvent("outer", b -> b.escalation())
            .serviceTask("outerTask", t -> t.zeebeJobType(catchAllType))
            .endEvent()
            .moveToActivity("stage")
            .endEvent("end")
            .done());

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(escalatedType)).send().join();
    client.newCompleteCommand(awaitJob(workType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertNoJob(catchAllType);
    assertThat(history(key)).contains("innerStart COMPLETED", "raise COMPLETED");
  }

  @Test
  void uncaughtEscalationsRaiseNoIncidentAndTheFlowGoesOn() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.escalation("late"))
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent("raiseAtEnd", e -> e.escalation("late"))
            .done());

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(workType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(instance(key).getHasIncident()).isFalse();
    assertThat(history(key)).contains("raise COMPLETED", "raiseAtEnd COMPLETED");
  }

  /** A child process: start → throw "late" → child work → end. */
  private String deployChild() {
    String childId = unique("child");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.escalation("late"))
            .serviceTask("childWork", t -> t.zeebeJobType(workType))
            .endEvent()
            .done());
    return childId;
  }

  private void deployCaller(String childId, boolean interrupting) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("caught", b -> b.cancelActivity(interrupting).escalation("late"))
            .serviceTask("escalated", t -> t.zeebeJobType(escalatedType))
            .endEvent()
            .moveToActivity("call")
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
  }

  @Test
  void interruptingBoundaryOnACallActivityTerminatesTheCalledInstance() {
    String childId = deployChild();
    deployCaller(childId, true);

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(escalatedType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("call TERMINATED", "caught COMPLETED");
    long child = calledInstance(key);
    assertThat(instance(child).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(history(child)).contains("raise TERMINATED");
    assertNoJob(workType);
  }

  @Test
  void nonInterruptingBoundaryOnACallActivityLetsTheCalledInstanceGoOn() {
    String childId = deployChild();
    deployCaller(childId, false);

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(escalatedType)).send().join();
    client.newCompleteCommand(awaitJob(workType)).send().join();
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(calledInstance(key))).contains("raise COMPLETED");
  }

  @Test
  void anEscalationNothingCatchesInTheCallerLetsTheCalledInstanceGoOn() {
    String childId = deployChild();
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());

    long key = start(processId, Map.of()).getProcessInstanceKey();

    client.newCompleteCommand(awaitJob(workType)).send().join();
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(instance(key).getHasIncident()).isFalse();
  }

  @Test
  void aCodeExpressionThatFailsIsAnIncident() {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateThrowEvent("raise", e -> e.escalationExpression("missing.code"))
            .endEvent()
            .done());

    long key = start(processId, Map.of()).getProcessInstanceKey();

    awaitIncident(key);
    assertThat(history(key)).contains("raise ACTIVE");
  }

  @Test
  void aCatchEventWithACodeExpressionIsRejectedAtDeployment() {
    BpmnModelInstance model = stageWithBoundary(b -> b.escalation("=code"));

    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.details().getStatus()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("expression");
            });
  }

  private long calledInstance(long parentKey) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(parentKey))
        .send()
        .join()
        .singleItem()
        .getProcessInstanceKey();
  }
}
