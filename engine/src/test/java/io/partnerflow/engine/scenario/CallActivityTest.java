package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.CallActivityBuilder;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Call activities: the called process's latest version runs as a child instance linked to its
 * caller; variables cross both ways as Camunda 8 documents; the child ends with its call activity.
 */
class CallActivityTest extends ClockDrivenScenarioTest {

  private final String parentId = unique("caller");
  private final String childId = unique("called");
  private final String childType = unique("child-work");
  private final String afterType = unique("after-call");

  /** child: start → service task (childType) → end. */
  private BpmnModelInstance child(String id, String jobType) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("child-task", t -> t.zeebeJobType(jobType))
        .endEvent()
        .done();
  }

  /** parent: start → call activity "call" → service task (afterType) → end. */
  private BpmnModelInstance parent(Consumer<CallActivityBuilder> call) {
    return Bpmn.createExecutableProcess(parentId)
        .startEvent()
        .callActivity(
            "call",
            c -> {
              c.zeebeProcessId(childId);
              call.accept(c);
            })
        .serviceTask("after", t -> t.zeebeJobType(afterType))
        .endEvent()
        .done();
  }

  private List<ProcessInstance> calledBy(long parentKey) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(parentKey))
        .send()
        .join()
        .items();
  }

  private ProcessInstance onlyCalledBy(long parentKey) {
    List<ProcessInstance> children = calledBy(parentKey);
    assertThat(children).hasSize(1);
    return children.get(0);
  }

  private ElementInstance element(long processInstanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId))
        .send()
        .join()
        .singleItem();
  }

  private void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job).variables(variables).send().join();
  }

  @Test
  void shouldCallLatestVersionAndCompleteWhenTheChildCompletes() {
    // given: two versions of the child (the second one's task has another type)
    deploy(child(childId, unique("old-version")));
    deploy(child(childId, childType));
    deploy(parent(c -> {}));

    // when
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();

    // then: a child instance of version 2, linked to the parent and its call activity
    ElementInstance call = element(parentKey, "call");
    assertThat(call.getType()).isEqualTo(ElementInstanceType.CALL_ACTIVITY);
    assertThat(call.getState()).isEqualTo(ElementInstanceState.ACTIVE);
    ProcessInstance child = onlyCalledBy(parentKey);
    assertThat(child.getProcessDefinitionId()).isEqualTo(childId);
    assertThat(child.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(child.getParentProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(child.getParentElementInstanceKey()).isEqualTo(call.getElementInstanceKey());
    assertThat(instance(child.getProcessInstanceKey()).getParentElementInstanceKey())
        .isEqualTo(call.getElementInstanceKey());
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.parentElementInstanceKey(call.getElementInstanceKey()))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(child.getProcessInstanceKey());
    assertThat(instance(parentKey).getParentProcessInstanceKey()).isNull();

    // when: the child's task is done
    ActivatedJob childJob = awaitJob(childType);
    assertThat(childJob.getProcessInstanceKey()).isEqualTo(child.getProcessInstanceKey());
    complete(childJob, Map.of());

    // then: the child completes, the call activity completes, the parent moves on
    assertThat(instance(child.getProcessInstanceKey()).getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(element(parentKey, "call").getState()).isEqualTo(ElementInstanceState.COMPLETED);
    complete(awaitJob(afterType), Map.of());
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldEvaluateFeelProcessId() {
    // given
    deploy(child(childId, childType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessIdExpression("\"called-\" + suffix"))
            .endEvent()
            .done());
    String suffix = childId.substring("called-".length());

    // when
    long parentKey = start(parentId, Map.of("suffix", suffix)).getProcessInstanceKey();
    complete(awaitJob(childType), Map.of());

    // then
    assertThat(onlyCalledBy(parentKey).getProcessDefinitionId()).isEqualTo(childId);
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCopyAllVariablesToTheChildAndBackWithoutMappings() {
    // given
    deploy(child(childId, childType));
    deploy(parent(c -> {}));
    long parentKey =
        start(parentId, Map.of("partner", "Acme", "tier", "gold")).getProcessInstanceKey();

    // when: the child sees the parent's variables and changes/adds some
    ActivatedJob childJob = awaitJob(childType);
    assertThat(childJob.getVariablesAsMap())
        .containsOnly(entry("partner", "Acme"), entry("tier", "gold"));
    complete(childJob, Map.of("tier", "platinum", "contractId", 42));

    // then: all of the child's variables come back to the parent
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(after.getVariablesAsMap())
        .containsOnly(entry("partner", "Acme"), entry("tier", "platinum"), entry("contractId", 42));
  }

  @Test
  void shouldGiveTheChildInputMappingsAndVisibleVariables() {
    // given: an input mapping with propagateAllParentVariables at its default (true)
    deploy(child(childId, childType));
    deploy(parent(c -> c.zeebeInputExpression("amount * 2", "doubled")));
    start(parentId, Map.of("amount", 21, "partner", "Acme"));

    // then: the child gets every variable visible at the call activity, its inputs included
    assertThat(awaitJob(childType).getVariablesAsMap())
        .containsOnly(entry("amount", 21), entry("partner", "Acme"), entry("doubled", 42));
  }

  @Test
  void shouldGiveTheChildOnlyTheInputMappingsWithoutPropagateAllParentVariables() {
    // given
    deploy(child(childId, childType));
    deploy(
        parent(
            c ->
                c.zeebePropagateAllParentVariables(false)
                    .zeebeInputExpression("amount * 2", "doubled")));
    start(parentId, Map.of("amount", 21, "partner", "Acme"));

    // then
    assertThat(awaitJob(childType).getVariablesAsMap()).containsOnly(entry("doubled", 42));
  }

  @Test
  void shouldLetOutputMappingsPickWhatLeavesTheChild() {
    // given
    deploy(child(childId, childType));
    deploy(parent(c -> c.zeebeOutputExpression("score + 1", "finalScore")));
    long parentKey = start(parentId, Map.of("partner", "Acme")).getProcessInstanceKey();

    // when
    complete(awaitJob(childType), Map.of("score", 9, "internal", "draft"));

    // then: only the mapped variable reaches the parent's scope
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getVariablesAsMap())
        .containsOnly(entry("partner", "Acme"), entry("finalScore", 10));
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(parentKey).scopeKey(parentKey))
                .send()
                .join()
                .items())
        .extracting(v -> v.getName())
        .containsExactlyInAnyOrder("partner", "finalScore");
  }

  @Test
  void shouldReturnNothingWithoutPropagateAllChildVariablesAndOutputMappings() {
    // given
    deploy(child(childId, childType));
    deploy(parent(c -> c.zeebePropagateAllChildVariables(false)));
    start(parentId, Map.of("partner", "Acme"));

    // when
    complete(awaitJob(childType), Map.of("partner", "Changed", "score", 9));

    // then: the parent's variables are untouched
    assertThat(awaitJob(afterType).getVariablesAsMap()).containsOnly(entry("partner", "Acme"));
  }

  @Test
  void shouldReturnOnlyOutputMappingsWithoutPropagateAllChildVariables() {
    // given
    deploy(child(childId, childType));
    deploy(
        parent(
            c -> c.zeebePropagateAllChildVariables(false).zeebeOutputExpression("score", "score")));
    start(parentId, Map.of());

    // when
    complete(awaitJob(childType), Map.of("score", 9, "internal", "draft"));

    // then
    assertThat(awaitJob(afterType).getVariablesAsMap()).containsOnly(entry("score", 9));
  }

  @Test
  void shouldCancelTheCalledInstancesWithTheParent() {
    // given: parent → child → grandchild waiting for a job
    String grandchildId = unique("grandchild");
    deploy(child(grandchildId, childType));
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .callActivity("call-grandchild", c -> c.zeebeProcessId(grandchildId))
            .endEvent()
            .done());
    deploy(parent(c -> {}));
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();
    long grandchildKey = onlyCalledBy(childKey).getProcessInstanceKey();

    // when: the child is cancelled on its own
    assertThatThrownBy(() -> client.newCancelInstanceCommand(childKey).send().join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.details().getDetail())
                  .contains("Cancel the root process instance '%d'".formatted(parentKey));
            });

    // when: the parent is cancelled
    client.newCancelInstanceCommand(parentKey).send().join();

    // then: the whole tree is terminated and the grandchild's job is gone
    assertThat(instance(parentKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(instance(grandchildKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(element(childKey, "call-grandchild").getState())
        .isEqualTo(ElementInstanceState.TERMINATED);
    assertNoJob(childType);
  }

  @Test
  void shouldTerminateTheChildWhenABoundaryTimerInterruptsTheCallActivity() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(3));
    pinClock(t0);
    String timeoutType = unique("call-timed-out");
    deploy(child(childId, childType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("deadline")
            .timerWithDuration("PT2H")
            .serviceTask("timed-out", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .moveToActivity("call")
            .endEvent()
            .done());
    long parentKey = start(parentId, Map.of("partner", "Acme")).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();

    // when
    pinClock(t0.plus(Duration.ofHours(3)));

    // then: the child is terminated, its job gone, and the parent takes the timer's path
    ActivatedJob timedOut = awaitJob(timeoutType);
    assertThat(timedOut.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(element(parentKey, "call").getState()).isEqualTo(ElementInstanceState.TERMINATED);
    assertNoJob(childType);
    complete(timedOut, Map.of());
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldKeepTheChildRunningWhenANonInterruptingTimerFires() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(3));
    pinClock(t0);
    String reminderType = unique("call-reminder");
    deploy(child(childId, childType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("reminder")
            .cancelActivity(false)
            .timerWithDuration("PT1H")
            .serviceTask("remind", t -> t.zeebeJobType(reminderType))
            .endEvent()
            .moveToActivity("call")
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();

    // when
    pinClock(t0.plus(Duration.ofHours(2)));
    complete(awaitJob(reminderType), Map.of());

    // then: the child still runs and its completion still completes the call activity
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    complete(awaitJob(childType), Map.of());
    complete(awaitJob(afterType), Map.of());
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCompleteTheCallActivityWhenTheChildEndsWithATerminateEndEvent() {
    // given: the child's terminate end event ends its other, still waiting branch
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("child-task", t -> t.zeebeJobType(childType))
            .endEvent("done", e -> e.terminate())
            .moveToNode("fork")
            .userTask("never", t -> t.zeebeUserTask())
            .endEvent()
            .done());
    deploy(parent(c -> {}));
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();

    // when
    complete(awaitJob(childType), Map.of("outcome", "fast"));

    // then: the child is COMPLETED (as in Camunda 8) and the parent moves on with its variables
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(awaitJob(afterType).getVariablesAsMap()).containsOnly(entry("outcome", "fast"));
  }

  @Test
  void shouldCancelAChildCalledFromInsideASubProcess() {
    // given
    deploy(child(childId, childType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .subProcess(
                "phase",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .callActivity("call", c -> c.zeebeProcessId(childId))
                        .endEvent())
            .endEvent()
            .done());
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();

    // when
    client.newCancelInstanceCommand(parentKey).send().join();

    // then
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(element(parentKey, "phase").getState()).isEqualTo(ElementInstanceState.TERMINATED);
    assertNoJob(childType);
  }

  @Test
  void shouldTerminateTheChildWhenAMessageBoundaryInterruptsTheCallActivity() {
    // given
    String withdrawn = unique("withdrawn");
    String withdrawnType = unique("call-withdrawn");
    deploy(child(childId, childType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("withdraw")
            .message(m -> m.name(withdrawn).zeebeCorrelationKeyExpression("applicationId"))
            .serviceTask("withdrawn", t -> t.zeebeJobType(withdrawnType))
            .endEvent()
            .moveToActivity("call")
            .endEvent()
            .done());
    long parentKey = start(parentId, Map.of("applicationId", "A-7")).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();

    // when
    client
        .newCorrelateMessageCommand()
        .messageName(withdrawn)
        .correlationKey("A-7")
        .variables(Map.of("reason", "changed mind"))
        .send()
        .join();

    // then
    ActivatedJob job = awaitJob(withdrawnType);
    assertThat(job.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(job.getVariablesAsMap()).containsEntry("reason", "changed mind");
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertNoJob(childType);
  }

  @Test
  void shouldShowAnIncidentOfTheChildFromTheParent() {
    // given: the child's job fails without retries
    deploy(child(childId, childType));
    deploy(parent(c -> {}));
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();
    ActivatedJob childJob = awaitJob(childType);
    client.newFailCommand(childJob).retries(0).errorMessage("CRM down").send().join();

    // then: the incident belongs to the child, and the parent and its call activity show it
    awaitIncident(childKey);
    assertThat(instance(parentKey).getHasIncident()).isTrue();
    assertThat(element(parentKey, "call").getIncident()).isTrue();
    assertThat(
            client
                .newProcessInstanceSearchRequest()
                .filter(f -> f.processDefinitionId(parentId).hasIncident(true))
                .send()
                .join()
                .items())
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(parentKey);
    List<Incident> fromParent =
        client.newIncidentsByProcessInstanceSearchRequest(parentKey).send().join().items();
    assertThat(fromParent).hasSize(1);
    Incident incident = fromParent.get(0);
    assertThat(incident.getProcessInstanceKey()).isEqualTo(childKey);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("child-task");
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(parentKey))
                .send()
                .join()
                .items())
        .isEmpty();

    // when: resolved in the child
    client.newUpdateRetriesCommand(childJob.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: nobody shows it any more, and the tree can finish
    assertThat(instance(parentKey).getHasIncident()).isFalse();
    assertThat(element(parentKey, "call").getIncident()).isFalse();
    complete(awaitJob(childType), Map.of());
    complete(awaitJob(afterType), Map.of());
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRaiseCalledElementErrorForAnUnknownProcessAndCallItOnceDeployed() {
    // given: the called process is not deployed
    deploy(parent(c -> {}));
    long parentKey = start(parentId, Map.of("partner", "Acme")).getProcessInstanceKey();

    // then
    awaitIncident(parentKey);
    Incident incident =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(parentKey).state(IncidentState.ACTIVE))
            .send()
            .join()
            .singleItem();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_ELEMENT_ERROR);
    assertThat(incident.getErrorMessage())
        .isEqualTo(
            "Expected process with BPMN process id '%s' to be deployed, but not found."
                .formatted(childId));
    assertThat(incident.getElementId()).isEqualTo("call");
    assertThat(calledBy(parentKey)).isEmpty();

    // when: deployed, then resolved
    deploy(child(childId, childType));
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the child runs with the parent's variables and the parent finishes after it
    ActivatedJob childJob = awaitJob(childType);
    assertThat(childJob.getVariablesAsMap()).containsOnly(entry("partner", "Acme"));
    assertThat(onlyCalledBy(parentKey).getProcessInstanceKey())
        .isEqualTo(childJob.getProcessInstanceKey());
    assertThat(instance(parentKey).getHasIncident()).isFalse();
    complete(childJob, Map.of());
    complete(awaitJob(afterType), Map.of());
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunNestedCallsTwoLevelsDeep() {
    // given: parent → child (call) → grandchild (job); each level adds a variable
    String grandchildId = unique("grandchild");
    deploy(child(grandchildId, childType));
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .callActivity(
                "call-grandchild",
                c -> c.zeebeProcessId(grandchildId).zeebeInputExpression("level + 1", "level"))
            .endEvent()
            .done());
    deploy(parent(c -> c.zeebeInputExpression("level + 1", "level")));
    long parentKey = start(parentId, Map.of("level", 0)).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();
    long grandchildKey = onlyCalledBy(childKey).getProcessInstanceKey();

    // when
    ActivatedJob job = awaitJob(childType);
    assertThat(job.getProcessInstanceKey()).isEqualTo(grandchildKey);
    assertThat(job.getVariablesAsMap()).containsOnly(entry("level", 2));
    assertThat(instance(grandchildKey).getParentProcessInstanceKey()).isEqualTo(childKey);
    complete(job, Map.of("result", "signed"));

    // then: both levels complete in the same command and the result reaches the parent
    assertThat(instance(grandchildKey).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    ActivatedJob after = awaitJob(afterType);
    assertThat(after.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(after.getVariablesAsMap()).contains(entry("result", "signed"));
  }

  @Test
  void shouldCompleteAtOnceWhenTheChildDoesNotWait() {
    // given: a child that only passes through
    deploy(Bpmn.createExecutableProcess(childId).startEvent().endEvent().done());
    deploy(parent(c -> {}));

    // when
    long parentKey = start(parentId, Map.of("partner", "Acme")).getProcessInstanceKey();

    // then: child and call activity completed within the start command
    assertThat(instance(onlyCalledBy(parentKey).getProcessInstanceKey()).getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(element(parentKey, "call").getState()).isEqualTo(ElementInstanceState.COMPLETED);
    assertThat(awaitJob(afterType).getVariablesAsMap()).containsOnly(entry("partner", "Acme"));
  }

  @Test
  void shouldKeepEachTreeConsistentWhenTheChildCompletesWhileTheParentIsCancelled()
      throws Exception {
    // given: trees whose child job is activated
    int trees = 12;
    deploy(child(childId, childType));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    List<Long> parents = new ArrayList<>();
    for (int i = 0; i < trees; i++) {
      parents.add(start(parentId, Map.of()).getProcessInstanceKey());
    }
    Map<Long, ActivatedJob> jobByChild = new HashMap<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              activate(childType, Duration.ofSeconds(1))
                  .forEach(job -> jobByChild.put(job.getProcessInstanceKey(), job));
              return jobByChild.size() == trees;
            });

    // when: each child's job is completed while its parent is cancelled, at the same moment
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> outcomes = new ArrayList<>();
    try {
      for (long parentKey : parents) {
        ActivatedJob job = jobByChild.get(onlyCalledBy(parentKey).getProcessInstanceKey());
        CountDownLatch go = new CountDownLatch(1);
        outcomes.add(pool.submit(() -> statusOf(go, () -> complete(job, Map.of()))));
        outcomes.add(
            pool.submit(
                () ->
                    statusOf(go, () -> client.newCancelInstanceCommand(parentKey).send().join())));
        go.countDown();
      }
      // then: every request got an answer the client expects (no deadlock, no server error)
      for (Future<Integer> outcome : outcomes) {
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isIn(204, 404, 409);
      }
    } finally {
      pool.shutdownNow();
    }

    // then: each tree ended one way: completed together or terminated together
    for (long parentKey : parents) {
      ProcessInstance child = onlyCalledBy(parentKey);
      ProcessInstanceState parentState = instance(parentKey).getState();
      assertThat(parentState).isNotEqualTo(ProcessInstanceState.ACTIVE);
      assertThat(child.getState()).isEqualTo(parentState);
    }
  }

  private static int statusOf(CountDownLatch go, Runnable request) throws InterruptedException {
    go.await();
    try {
      request.run();
      return 204;
    } catch (ProblemException e) {
      return e.code();
    }
  }

  private void throwError(ActivatedJob job, String code, Map<String, Object> variables) {
    client
        .newThrowErrorCommand(job)
        .errorCode(code)
        .errorMessage("no contract")
        .variables(variables)
        .send()
        .join();
  }

  /** parent: start → call (error boundary for {@code code}, or any) → after / handle → end. */
  private BpmnModelInstance parentCatching(String code, String handleType) {
    return Bpmn.createExecutableProcess(parentId)
        .startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId))
        .boundaryEvent("caught", b -> b.error(code))
        .serviceTask("handle", t -> t.zeebeJobType(handleType))
        .endEvent()
        .moveToActivity("call")
        .serviceTask("after", t -> t.zeebeJobType(afterType))
        .endEvent()
        .done();
  }

  @Test
  void shouldCatchAnErrorOfTheChildsJobOnTheCallActivity() {
    // given
    String handleType = unique("handle-rejection");
    deploy(child(childId, childType));
    deploy(parentCatching("REJECTED", handleType));
    long parentKey = start(parentId, Map.of("partner", "Acme")).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();

    // when: nothing in the child catches the worker's error
    throwError(awaitJob(childType), "REJECTED", Map.of("reason", "no contract"));

    // then: the call activity's boundary catches it; child and call activity are terminated
    ActivatedJob handle = awaitJob(handleType);
    assertThat(handle.getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(handle.getVariablesAsMap())
        .containsOnly(entry("partner", "Acme"), entry("reason", "no contract"));
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(element(parentKey, "call").getState()).isEqualTo(ElementInstanceState.TERMINATED);
    assertThat(element(childKey, "child-task").getState())
        .isEqualTo(ElementInstanceState.TERMINATED);
    assertThat(instance(parentKey).getHasIncident()).isFalse();
    complete(handle, Map.of());
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCatchAnErrorEndEventOfAChildThatThrowsAtOnce() {
    // given: a child that ends with an error right away, a catch-all boundary on the call
    String handleType = unique("handle-any");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .endEvent("fail", e -> e.error("INVALID"))
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .boundaryEvent("caught")
            .error()
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .moveToActivity("call")
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());

    // when
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();

    // then: caught within the start command
    assertThat(instance(onlyCalledBy(parentKey).getProcessInstanceKey()).getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(element(parentKey, "call").getState()).isEqualTo(ElementInstanceState.TERMINATED);
    complete(awaitJob(handleType), Map.of());
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
    assertNoJob(afterType);
  }

  @Test
  void shouldCatchAGrandchildsErrorOnASubProcessAroundTheCall() {
    // given: parent sub-process "phase" (error boundary) → call → child → call → grandchild
    String grandchildId = unique("grandchild");
    String handleType = unique("handle-phase");
    deploy(child(grandchildId, childType));
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .callActivity("call-grandchild", c -> c.zeebeProcessId(grandchildId))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .subProcess(
                "phase",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .callActivity("call", c -> c.zeebeProcessId(childId))
                        .endEvent())
            .boundaryEvent("phase-failed", b -> b.error("REJECTED"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .moveToActivity("phase")
            .endEvent()
            .done());
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();
    long grandchildKey = onlyCalledBy(childKey).getProcessInstanceKey();

    // when
    throwError(awaitJob(childType), "REJECTED", Map.of());

    // then: two levels up, the whole subtree is terminated
    assertThat(awaitJob(handleType).getProcessInstanceKey()).isEqualTo(parentKey);
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(instance(grandchildKey).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(element(parentKey, "phase").getState()).isEqualTo(ElementInstanceState.TERMINATED);
  }

  @Test
  void shouldLetTheChildsOwnCatchWinOverTheCallActivitys() {
    // given: the child catches REJECTED itself
    String childHandleType = unique("child-handles");
    String parentHandleType = unique("parent-handles");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .serviceTask("child-task", t -> t.zeebeJobType(childType))
            .boundaryEvent("child-caught", b -> b.error("REJECTED"))
            .serviceTask("child-handle", t -> t.zeebeJobType(childHandleType))
            .endEvent()
            .moveToActivity("child-task")
            .endEvent()
            .done());
    deploy(parentCatching("REJECTED", parentHandleType));
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();

    // when
    throwError(awaitJob(childType), "REJECTED", Map.of());

    // then
    assertThat(awaitJob(childHandleType).getProcessInstanceKey()).isEqualTo(childKey);
    assertNoJob(parentHandleType);
    assertThat(element(parentKey, "call").getState()).isEqualTo(ElementInstanceState.ACTIVE);
  }

  @Test
  void shouldRaiseTheIncidentInTheChildWhenNobodyCatchesItsError() {
    // given: the call activity catches another code only
    deploy(child(childId, childType));
    deploy(parentCatching("OTHER", unique("handle-other")));
    long parentKey = start(parentId, Map.of()).getProcessInstanceKey();
    long childKey = onlyCalledBy(parentKey).getProcessInstanceKey();
    ActivatedJob job = awaitJob(childType);

    // when
    throwError(job, "REJECTED", Map.of());

    // then: an UNHANDLED_ERROR_EVENT incident at the thrower in the child, seen from the parent
    awaitIncident(childKey);
    Incident incident =
        client.newIncidentsByProcessInstanceSearchRequest(parentKey).send().join().singleItem();
    assertThat(incident.getProcessInstanceKey()).isEqualTo(childKey);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getElementId()).isEqualTo("child-task");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(incident.getErrorMessage())
        .startsWith("Expected to throw an error event with the code 'REJECTED'");
    assertThat(instance(parentKey).getHasIncident()).isTrue();
    assertThat(instance(childKey).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(element(parentKey, "call").getState()).isEqualTo(ElementInstanceState.ACTIVE);
  }

  @Test
  void shouldRejectBindingTypesOtherThanLatest() {
    // given
    BpmnModelInstance model = parent(c -> c.zeebeBindingType(ZeebeBindingType.deployment));

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail())
                  .contains("'call'")
                  .contains("bindingType 'deployment'");
            });
  }
}
