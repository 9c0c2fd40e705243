package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * POST /v2/process-instances/{key}/modification through the client's {@code
 * newModifyProcessInstanceCommand}: activating elements (with variables, creating flow scopes, in a
 * chosen ancestor) and terminating element instances in one atomic command, and the instructions
 * Camunda rejects — with nothing changed.
 */
class ProcessInstanceModificationTest extends ClockDrivenScenarioTest {

  private List<ElementInstance> elements(long instanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).elementId(elementId))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  private ElementInstance active(long instanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(
            f ->
                f.processInstanceKey(instanceKey)
                    .elementId(elementId)
                    .state(ElementInstanceState.ACTIVE))
        .send()
        .join()
        .singleItem();
  }

  private long allElementInstances(long instanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey))
        .send()
        .join()
        .page()
        .totalItems();
  }

  private static void assertProblem(Runnable call, int status, String detailPart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(status);
              assertThat(e.details().getDetail()).contains(detailPart);
            });
  }

  /** start → a → b → c → end, three job types. */
  private String threeTasks(String a, String b, String c) {
    String processId = unique("repair");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("a", t -> t.zeebeJobType(a))
            .serviceTask("b", t -> t.zeebeJobType(b))
            .serviceTask("c", t -> t.zeebeJobType(c))
            .endEvent()
            .done());
    return processId;
  }

  @Test
  void shouldMoveATokenBySkippingASteps() {
    // given: the instance waits at a
    String a = unique("a");
    String b = unique("b");
    String c = unique("c");
    long instanceKey = start(threeTasks(a, b, c), Map.of()).getProcessInstanceKey();
    ActivatedJob jobA = awaitJob(a);

    // when: terminate a, activate c
    client
        .newModifyProcessInstanceCommand(instanceKey)
        .terminateElement(jobA.getElementInstanceKey())
        .and()
        .activateElement("c")
        .send()
        .join();

    // then: a is terminated with its job, b never ran, c waits
    assertThat(elements(instanceKey, "a"))
        .extracting(ElementInstance::getState)
        .containsExactly(ElementInstanceState.TERMINATED);
    assertThat(elements(instanceKey, "b")).isEmpty();
    assertProblem(() -> client.newCompleteCommand(jobA.getKey()).send().join(), 409, "");
    ActivatedJob jobC = awaitJob(c);
    client.newCompleteCommand(jobC.getKey()).send().join();
    awaitState(instanceKey, ProcessInstanceState.COMPLETED);
    assertNoJob(b);
  }

  @Test
  void shouldCreateTheFlowScopeOnTheWayAndSetVariablesBeforeActivating() {
    // given: the instance waits at x, before the sub-process
    String x = unique("x");
    String y = unique("y");
    String processId = unique("nested");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("x", t -> t.zeebeJobType(x))
            .subProcess(
                "review",
                s ->
                    s.embeddedSubProcess()
                        .startEvent("reviewStart")
                        .serviceTask(
                            "y",
                            t -> t.zeebeJobType(y).zeebeInputExpression("=amount * 2", "doubled"))
                        .endEvent())
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob jobX = awaitJob(x);

    // when
    client
        .newModifyProcessInstanceCommand(instanceKey)
        .activateElement("y")
        .withVariables(Map.of("amount", 21))
        .withVariables(Map.of("reviewer", "lee"), "review")
        .and()
        .terminateElement(jobX.getElementInstanceKey())
        .send()
        .join();

    // then: the sub-process instance was created without its start event
    ElementInstance review = active(instanceKey, "review");
    assertThat(elements(instanceKey, "reviewStart")).isEmpty();
    ActivatedJob jobY = awaitJob(y);
    assertThat(jobY.getVariablesAsMap())
        .containsEntry("amount", 21)
        .containsEntry("doubled", 42)
        .containsEntry("reviewer", "lee");
    List<Variable> reviewer =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey).name("reviewer"))
            .send()
            .join()
            .items();
    assertThat(reviewer)
        .extracting(Variable::getScopeKey)
        .containsExactly(review.getElementInstanceKey());
    List<Variable> amount =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey).name("amount"))
            .send()
            .join()
            .items();
    assertThat(amount).extracting(Variable::getScopeKey).containsExactly(instanceKey);

    // and the token goes on from there: the sub-process completes, then the instance
    client.newCompleteCommand(jobY.getKey()).send().join();
    awaitState(instanceKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldOpenTheBoundaryEventsOfACreatedScopeAndEnterAnEventSubProcessAtItsStart() {
    // given: x, then a sub-process with a message boundary event; an event sub-process beside
    String x = unique("x");
    String y = unique("y");
    String z = unique("z");
    String cancel = unique("cancel");
    String processId = unique("events");
    ProcessBuilder process = Bpmn.createExecutableProcess(processId);
    process.eventSubProcess(
        "handler",
        e ->
            e.startEvent("handlerStart")
                .interrupting(false)
                .timerWithDuration("P30D")
                .serviceTask("z", t -> t.zeebeJobType(z))
                .endEvent());
    deploy(
        process
            .startEvent()
            .serviceTask("x", t -> t.zeebeJobType(x))
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("y", t -> t.zeebeJobType(y))
                        .endEvent())
            .boundaryEvent("cancelled")
            .message(m -> m.name(cancel).zeebeCorrelationKeyExpression("=\"c\""))
            .endEvent("afterCancel")
            .moveToActivity("sub")
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(x);

    // when: y (with a variable local to it) and the event sub-process are activated
    client
        .newModifyProcessInstanceCommand(instanceKey)
        .activateElement("y")
        .withVariable("note", "checked", "y")
        .and()
        .activateElement("handler")
        .send()
        .join();

    // then: the note is y's own variable
    long yKey = active(instanceKey, "y").getElementInstanceKey();
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey).name("note"))
                .send()
                .join()
                .items())
        .extracting(Variable::getScopeKey)
        .containsExactly(yKey);
    assertThat(awaitJob(y).getVariablesAsMap()).containsEntry("note", "checked");
    // the event sub-process was entered at its start event
    assertThat(elements(instanceKey, "handlerStart"))
        .extracting(ElementInstance::getState)
        .containsExactly(ElementInstanceState.COMPLETED);
    assertThat(awaitJob(z).getProcessInstanceKey()).isEqualTo(instanceKey);
    // the created sub-process waits for its boundary message, which interrupts it
    client.newPublishMessageCommand().messageName(cancel).correlationKey("c").send().join();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(elements(instanceKey, "afterCancel"))
                    .extracting(ElementInstance::getState)
                    .containsExactly(ElementInstanceState.COMPLETED));
    assertThat(elements(instanceKey, "y"))
        .extracting(ElementInstance::getState)
        .containsExactly(ElementInstanceState.TERMINATED);
  }

  @Test
  void shouldActivateInTheGivenAncestorAndRejectAnAmbiguousOne() {
    // given: two active instances of the sub-process
    String y = unique("y");
    String processId = unique("twice");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("y", t -> t.zeebeJobType(y))
                        .endEvent())
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    client.newModifyProcessInstanceCommand(instanceKey).activateElement("sub").send().join();
    List<ElementInstance> subs = elements(instanceKey, "sub");
    assertThat(subs).hasSize(2);
    long before = allElementInstances(instanceKey);

    // then: without an ancestor the engine cannot choose; the activation applied before it in
    // the same command is rolled back (nothing changed)
    assertProblem(
        () ->
            client
                .newModifyProcessInstanceCommand(instanceKey)
                .activateElement("sub")
                .and()
                .activateElement("y")
                .send()
                .join(),
        400,
        "more than one active element instance");
    assertThat(allElementInstances(instanceKey)).isEqualTo(before);

    // when: the first sub-process instance as the ancestor
    long first = subs.get(0).getElementInstanceKey();
    client.newModifyProcessInstanceCommand(instanceKey).activateElement("y", first).send().join();

    // then
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(
                    f ->
                        f.processInstanceKey(instanceKey)
                            .elementId("y")
                            .elementInstanceScopeKey(first))
                .send()
                .join()
                .items())
        .hasSize(2);

    // when: the process instance as the ancestor — a new sub-process instance is created
    client
        .newModifyProcessInstanceCommand(instanceKey)
        .activateElement("y", instanceKey)
        .send()
        .join();

    // then
    assertThat(elements(instanceKey, "sub")).hasSize(3);
    assertThat(elements(instanceKey, "y")).hasSize(4);
  }

  @Test
  void shouldTerminateTheScopeWithItsLastElementAndCancelWhatTheyWaitFor() {
    // given: a sub-process with a user task (with a boundary timer) and a receive task
    String late = unique("late");
    String message = unique("signed");
    String processId = unique("waiting");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .parallelGateway("fork")
                        .userTask("approve", t -> t.zeebeUserTask())
                        .boundaryEvent("reminder", b -> b.timerWithDuration("PT1H"))
                        .serviceTask("remind", t -> t.zeebeJobType(late))
                        .moveToNode("fork")
                        .receiveTask("contract")
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("=\"k\""))
                        .endEvent())
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    long approve = active(instanceKey, "approve").getElementInstanceKey();
    long contract = active(instanceKey, "contract").getElementInstanceKey();

    // when: both waiting elements are terminated
    client
        .newModifyProcessInstanceCommand(instanceKey)
        .terminateElement(approve)
        .and()
        .terminateElement(contract)
        .send()
        .join();

    // then: the sub-process and the instance are terminated
    assertThat(instance(instanceKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(elements(instanceKey, "sub"))
        .extracting(ElementInstance::getState)
        .containsExactly(ElementInstanceState.TERMINATED);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .send()
                .join()
                .singleItem()
                .getState())
        .isEqualTo(UserTaskState.CANCELED);
    assertProblem(
        () ->
            client
                .newCorrelateMessageCommand()
                .messageName(message)
                .correlationKey("k")
                .send()
                .join(),
        404,
        "");
    pinClock(Instant.now().plus(Duration.ofHours(2)));
    assertNoJob(late);
  }

  @Test
  void shouldKeepTheScopeWhenAnElementIsActivatedInItInTheSameCommand() {
    // given
    String a = unique("a");
    String b = unique("b");
    String c = unique("c");
    long instanceKey = start(threeTasks(a, b, c), Map.of()).getProcessInstanceKey();
    ActivatedJob jobA = awaitJob(a);

    // when: the only active element is terminated, an element activated (activations go first)
    client
        .newModifyProcessInstanceCommand(instanceKey)
        .activateElement("b")
        .and()
        .terminateElement(jobA.getElementInstanceKey())
        .send()
        .join();

    // then
    assertThat(instance(instanceKey).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(awaitJob(b).getProcessInstanceKey()).isEqualTo(instanceKey);
  }

  @Test
  void shouldRejectInvalidInstructionsAndChangeNothing() {
    // given: a process with a multi-instance sub-process, a boundary event and an event-based
    // gateway; the instance waits at a
    String a = unique("a");
    String processId = unique("invalid");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("start")
            .serviceTask("a", t -> t.zeebeJobType(a))
            .boundaryEvent("timeout", b -> b.timerWithDuration("PT1H").endEvent())
            .moveToActivity("a")
            .subProcess(
                "each",
                s ->
                    s.multiInstance(m -> m.zeebeInputCollectionExpression("=[1,2]"))
                        .embeddedSubProcess()
                        .startEvent()
                        .manualTask("inner")
                        .endEvent())
            .eventBasedGateway("choice")
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1M"))
            .endEvent()
            .moveToNode("choice")
            .intermediateCatchEvent("other", e -> e.timerWithDuration("PT2M"))
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    long aKey = active(instanceKey, "a").getElementInstanceKey();
    long before = allElementInstances(instanceKey);

    // then: each instruction is rejected, also beside a valid one, and nothing changed
    assertRejected(instanceKey, "nowhere", "could not be found: 'nowhere'");
    assertRejected(instanceKey, "start", "a start event");
    assertRejected(instanceKey, "timeout", "a boundary event");
    assertRejected(instanceKey, "inner", "inside the multi-instance activity 'each'");
    assertRejected(instanceKey, "wait", "event-based gateway");
    assertRejected(instanceKey, processId, "the process itself");
    assertProblem(
        () ->
            client
                .newModifyProcessInstanceCommand(instanceKey)
                .activateElement("each")
                .and()
                .terminateElement(123456789L)
                .send()
                .join(),
        400,
        "'123456789'");
    assertProblem(
        () ->
            client
                .newModifyProcessInstanceCommand(instanceKey)
                .activateElement("choice")
                .withVariables(Map.of("x", 1), "each")
                .send()
                .join(),
        400,
        "neither the element to activate nor one of its flow scopes: 'each'");
    assertProblem(
        () ->
            client
                .newModifyProcessInstanceCommand(instanceKey)
                .activateElement("choice", aKey)
                .send()
                .join(),
        400,
        "not an ancestor");
    assertThat(allElementInstances(instanceKey)).isEqualTo(before);
    assertThat(active(instanceKey, "a").getElementInstanceKey()).isEqualTo(aKey);
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(instanceKey))
                .send()
                .join()
                .items())
        .isEmpty();

    // and the multi-instance activity itself can be activated
    client.newModifyProcessInstanceCommand(instanceKey).activateElement("each").send().join();
    assertThat(elements(instanceKey, "inner")).hasSize(2);
  }

  private void assertRejected(long instanceKey, String elementId, String detail) {
    assertProblem(
        () ->
            client
                .newModifyProcessInstanceCommand(instanceKey)
                .activateElement("a")
                .withVariables(Map.of("changed", true))
                .and()
                .activateElement(elementId)
                .send()
                .join(),
        400,
        detail);
  }

  @Test
  void shouldRollBackAnInstructionRejectedWhileApplying() {
    // given: a called instance whose only element is a service task
    String work = unique("work");
    String childId = unique("child");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    String parentId = unique("parent");
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = awaitJob(work);
    long childKey = job.getProcessInstanceKey();

    // then: terminating the child's last element is rejected, with the variables not set
    assertProblem(
        () ->
            client
                .newModifyProcessInstanceCommand(childKey)
                .terminateElement(job.getElementInstanceKey())
                .send()
                .join(),
        400,
        "child process instance");
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(active(childKey, "work").getElementInstanceKey())
        .isEqualTo(job.getElementInstanceKey());

    // when: the call activity is terminated in the parent instead
    client
        .newModifyProcessInstanceCommand(parentKey)
        .terminateElement(active(parentKey, "call").getElementInstanceKey())
        .send()
        .join();

    // then
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(instance(parentKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
  }

  @Test
  void shouldAnswer404ForAnUnknownInstanceAnd409ForAnEndedOne() {
    assertProblem(
        () ->
            client
                .newModifyProcessInstanceCommand(2251799813666666L)
                .activateElement("a")
                .send()
                .join(),
        404,
        "2251799813666666");
    String a = unique("a");
    long instanceKey =
        start(threeTasks(a, unique("b"), unique("c")), Map.of()).getProcessInstanceKey();
    client.newCancelInstanceCommand(instanceKey).send().join();
    assertProblem(
        () ->
            client.newModifyProcessInstanceCommand(instanceKey).activateElement("b").send().join(),
        409,
        "TERMINATED");
  }
}
