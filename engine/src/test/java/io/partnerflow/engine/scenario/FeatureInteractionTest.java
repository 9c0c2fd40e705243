package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.SubProcessBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where user task updates, task and execution listeners, signals, resource deletion and process
 * instance modification meet: each works with the others as in Camunda 8.8.
 */
class FeatureInteractionTest extends ListenerScenarioTest {

  private final String processId = unique("interplay");
  private final String listener = unique("listener");
  private final String work = unique("work");
  private final String signal = unique("signal");

  private static void assertProblem(Runnable call, int status, String detailPart) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(status);
              assertThat(e.details().getDetail()).contains(detailPart);
            });
  }

  /** A cancelled job cannot be completed (409 as the engine keeps its row; Camunda: 404). */
  private void assertJobGone(ActivatedJob job) {
    assertThatThrownBy(() -> client.newCompleteCommand(job).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isIn(404, 409));
  }

  private UserTask taskOf(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .singleItem();
  }

  private UserTask get(long userTaskKey) {
    return client.newUserTaskGetRequest(userTaskKey).send().join();
  }

  private List<ElementInstance> elements(long instanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).elementId(elementId))
        .send()
        .join()
        .items();
  }

  private void broadcast() {
    client.newBroadcastSignalCommand().signalName(signal).send().join();
  }

  /** start → fork → (user task "review" | service task "side") → ... */
  private long startReviewBesideWork(
      java.util.function.Consumer<io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder> review) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .userTask(
                "review",
                t -> {
                  t.zeebeUserTask();
                  review.accept(t);
                })
            .endEvent("reviewed")
            .moveToNode("fork")
            .serviceTask("side", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    return start(processId, Map.of()).getProcessInstanceKey();
  }

  // 1. PATCH /user-tasks/{key} and updating task listeners

  @Test
  void anUpdateRunsTheUpdatingListenersFirstAndAppliesTheirCorrections() {
    // given
    long key = startReviewBesideWork(t -> t.zeebeTaskListener(l -> l.updating().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();

    // when: updated; the answer waits for the listener
    var updating =
        client
            .newUpdateUserTaskCommand(taskKey)
            .priority(70)
            .candidateGroups(List.of("risk"))
            .dueDate("2027-01-15T10:00:00Z")
            .action("escalate")
            .send();
    ActivatedJob job = awaitJob(listener);

    // then: the task is UPDATING, unchanged; the listener sees the change
    assertThat(updating.isDone()).isFalse();
    UserTask during = get(taskKey);
    assertThat(during.getState()).isEqualTo(UserTaskState.UPDATING);
    assertThat(during.getPriority()).isEqualTo(50);
    assertThat(job.getListenerEventType()).hasToString("UPDATING");
    assertThat(job.getUserTask().getPriority()).isEqualTo(70);
    assertThat(job.getUserTask().getCandidateGroups()).containsExactly("risk");
    assertThat(job.getUserTask().getAction()).isEqualTo("escalate");
    assertThat(job.getUserTask().getChangedAttributes())
        .contains("priority", "candidateGroups", "dueDate");
    // and: another update (and an assignment) meanwhile is a 409
    assertProblem(
        () -> client.newUpdateUserTaskCommand(taskKey).priority(10).send().join(), 409, "UPDATING");

    // when: the listener corrects the priority
    client
        .newCompleteCommand(job)
        .withResult(r -> r.forUserTask().correctPriority(90))
        .send()
        .join();
    updating.join();

    // then: the change applies with the correction
    UserTask updated = get(taskKey);
    assertThat(updated.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(updated.getPriority()).isEqualTo(90);
    assertThat(updated.getCandidateGroups()).containsExactly("risk");
    assertThat(updated.getDueDate()).isNotNull();
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup("risk").processInstanceKey(key))
                .send()
                .join()
                .items())
        .hasSize(1);
  }

  @Test
  void anUpdateDeniedByAnUpdatingListenerIsA409AndChangesNothing() {
    // given
    long key = startReviewBesideWork(t -> t.zeebeTaskListener(l -> l.updating().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();

    // when
    var updating = client.newUpdateUserTaskCommand(taskKey).priority(5).send();
    client
        .newCompleteCommand(awaitJob(listener))
        .withResult(r -> r.forUserTask().deny(true).deniedReason("priority is fixed"))
        .send()
        .join();

    // then
    assertProblem(
        updating::join,
        409,
        "Update of the User Task with key '%d' was denied by Task Listener".formatted(taskKey));
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(get(taskKey).getPriority()).isEqualTo(50);
  }

  @Test
  void anUpdateOfATaskInAnotherTransitionIsA409() {
    // given: an assignment waits for its assigning listener
    long key = startReviewBesideWork(t -> t.zeebeTaskListener(l -> l.assigning().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();
    var assigning = client.newAssignUserTaskCommand(taskKey).assignee("alice").send();
    ActivatedJob job = awaitJob(listener);

    // when / then
    assertProblem(
        () -> client.newUpdateUserTaskCommand(taskKey).priority(10).send().join(),
        409,
        "ASSIGNING");
    client.newCompleteCommand(job).send().join();
    assigning.join();
    assertThat(get(taskKey).getPriority()).isEqualTo(50);
    assertThat(get(taskKey).getAssignee()).isEqualTo("alice");
  }

  // 2. resource deletion and signal start events

  private BpmnModelInstance signalStarted(String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("launched")
        .signal(signal)
        .serviceTask("w", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  @Test
  void deletingTheLatestVersionSubscribesThePreviousVersionsSignalStartEvent() {
    // given: two versions with a signal start event
    String oldType = unique("old");
    String newType = unique("new");
    deploy(signalStarted(oldType));
    long latest = deploy(signalStarted(newType));

    // when: the latest is deleted and the signal broadcast
    client.newDeleteResourceCommand(latest).send().join();
    broadcast();

    // then: the previous version starts, the deleted one does not
    ActivatedJob job = awaitJob(oldType);
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(1);
    assertThat(activateNow(newType)).isEmpty();
  }

  @Test
  void deletingTheOnlyVersionWithASignalStartEventStopsIt() {
    // given: version 1 has a none start event, version 2 a signal start event
    String oldType = unique("old");
    String newType = unique("new");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("w", t -> t.zeebeJobType(oldType))
            .endEvent()
            .done());
    long latest = deploy(signalStarted(newType));

    // when
    client.newDeleteResourceCommand(latest).send().join();
    broadcast();

    // then: nothing starts
    assertThat(activateNow(newType)).isEmpty();
    assertThat(activateNow(oldType)).isEmpty();
  }

  // 3. process instance modification and listeners, signals

  @Test
  void anElementActivatedByAModificationRunsItsStartListenersFirst() {
    // given: an instance at "a"; "b" has a start execution listener
    String bType = unique("b");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("a", t -> t.zeebeJobType(work))
            .serviceTask("b", t -> t.zeebeJobType(bType).zeebeStartExecutionListener(listener))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob a = awaitJob(work);

    // when: the token moves from a to b
    client
        .newModifyProcessInstanceCommand(key)
        .activateElement("b")
        .and()
        .terminateElement(a.getElementInstanceKey())
        .send()
        .join();

    // then: b's start listener runs before its job exists
    ActivatedJob started = awaitJob(listener);
    assertThat(started.getListenerEventType()).hasToString("START");
    assertThat(started.getElementId()).isEqualTo("b");
    assertThat(activateNow(bType)).isEmpty();
    client.newCompleteCommand(started).variables(Map.of("checked", true)).send().join();
    assertThat(awaitJob(bType).getVariablesAsMap()).containsEntry("checked", true);
  }

  @Test
  void aFlowScopeCreatedByAModificationRunsNoStartListenersButTheActivatedElementDoes() {
    // given: "inner" and its sub-process have start listeners; the instance waits at "a"
    String subListener = unique("sub-listener");
    String innerType = unique("inner");
    String handled = unique("handled");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("a", t -> t.zeebeJobType(work))
            .subProcess(
                "sub",
                (SubProcessBuilder s) ->
                    s.zeebeStartExecutionListener(subListener)
                        .embeddedSubProcess()
                        .eventSubProcess(
                            "handler",
                            e ->
                                e.startEvent("handlerStart")
                                    .interrupting(false)
                                    .signal(signal)
                                    .serviceTask("handle", t -> t.zeebeJobType(handled))
                                    .endEvent()))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask(
                "inner", t -> t.zeebeJobType(innerType).zeebeStartExecutionListener(listener))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob a = awaitJob(work);

    // when: "inner" is activated (creating "sub" on the way), "a" terminated
    client
        .newModifyProcessInstanceCommand(key)
        .activateElement("inner")
        .and()
        .terminateElement(a.getElementInstanceKey())
        .send()
        .join();

    // then: as in Zeebe, the created flow scope is activated without its start listeners; the
    // activated element runs its own first
    ActivatedJob started = awaitJob(listener);
    assertThat(started.getElementId()).isEqualTo("inner");
    assertThat(activateNow(subListener)).isEmpty();
    client.newCompleteCommand(started).send().join();
    awaitJob(innerType);
    // and: the created scope's signal event sub-process is subscribed
    broadcast();
    awaitJob(handled);
  }

  @Test
  void terminatingAnElementThatWaitsForItsStartListenerCancelsTheListenerJob() {
    // given: "b" waits for its start listener
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask(
                "b", t -> t.zeebeJobType(unique("b")).zeebeStartExecutionListener(listener))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("side", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob pending = awaitJob(listener);

    // when
    client
        .newModifyProcessInstanceCommand(key)
        .terminateElement(pending.getElementInstanceKey())
        .send()
        .join();

    // then: the listener's job is gone
    assertThat(elements(key, "b").get(0).getState()).isEqualTo(ElementInstanceState.TERMINATED);
    assertJobGone(pending);
  }

  @Test
  void terminatingASignalCatchEventRemovesItsSubscription() {
    // given: one branch waits for a signal
    String signalled = unique("signalled");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .intermediateCatchEvent("wait", e -> e.signal(signal))
            .serviceTask("after", t -> t.zeebeJobType(signalled))
            .endEvent()
            .moveToNode("fork")
            .serviceTask("side", t -> t.zeebeJobType(work))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    awaitJob(work);
    long wait = elements(key, "wait").get(0).getElementInstanceKey();

    // when: the catch event is terminated, then the signal broadcast
    client.newModifyProcessInstanceCommand(key).terminateElement(wait).send().join();
    broadcast();

    // then: nothing triggered
    assertThat(activateNow(signalled)).isEmpty();
    assertThat(elements(key, "wait").get(0).getState()).isEqualTo(ElementInstanceState.TERMINATED);
  }

  @Test
  void terminatingAUserTaskByModificationRunsItsCancelingListeners() {
    // given
    long key = startReviewBesideWork(t -> t.zeebeTaskListener(l -> l.canceling().type(listener)));
    UserTask task = taskOf(key);

    // when
    client
        .newModifyProcessInstanceCommand(key)
        .terminateElement(task.getElementInstanceKey())
        .send()
        .join();

    // then: the canceling listener runs, then the task is CANCELED
    ActivatedJob canceling = awaitJob(listener);
    assertThat(canceling.getListenerEventType()).hasToString("CANCELING");
    assertThat(get(task.getUserTaskKey()).getState()).isEqualTo(UserTaskState.CANCELING);
    client.newCompleteCommand(canceling).send().join();
    assertThat(get(task.getUserTaskKey()).getState()).isEqualTo(UserTaskState.CANCELED);
  }

  // 4. terminations during a task listener transition

  @Test
  void aModificationTerminatingATaskInCompletingAnswersTheCompletionWith409() {
    // given: a completion waits for its completing listener
    long key = startReviewBesideWork(t -> t.zeebeTaskListener(l -> l.completing().type(listener)));
    UserTask task = taskOf(key);
    var completing = client.newCompleteUserTaskCommand(task.getUserTaskKey()).send();
    ActivatedJob job = awaitJob(listener);

    // when: the task is terminated by a modification
    client
        .newModifyProcessInstanceCommand(key)
        .terminateElement(task.getElementInstanceKey())
        .send()
        .join();

    // then: the completion is refused, the listener job cancelled, the task canceled
    assertProblem(completing::join, 409, "was canceled");
    assertThat(get(task.getUserTaskKey()).getState()).isEqualTo(UserTaskState.CANCELED);
    assertJobGone(job);
    assertThat(elements(key, "reviewed")).isEmpty();
  }

  @Test
  void aSignalBoundaryEventInterruptsATaskInCompleting() {
    // given: a user task with a completing listener and an interrupting signal boundary event
    String withdrawn = unique("withdrawn");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                t -> t.zeebeUserTask().zeebeTaskListener(l -> l.completing().type(listener)))
            .endEvent("reviewed")
            .moveToActivity("review")
            .boundaryEvent("cancelled", b -> b.signal(signal))
            .serviceTask("withdraw", t -> t.zeebeJobType(withdrawn))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    UserTask task = taskOf(key);
    var completing = client.newCompleteUserTaskCommand(task.getUserTaskKey()).send();
    ActivatedJob job = awaitJob(listener);

    // when: the signal arrives while the task is COMPLETING
    broadcast();

    // then: the boundary event wins, the completion is refused
    awaitJob(withdrawn);
    assertProblem(completing::join, 409, "was canceled");
    assertThat(get(task.getUserTaskKey()).getState()).isEqualTo(UserTaskState.CANCELED);
    assertJobGone(job);
  }
}
