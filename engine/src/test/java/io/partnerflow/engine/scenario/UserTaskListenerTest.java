package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * User task listeners (Camunda 8.8): jobs of kind TASK_LISTENER with the task's data, the task in
 * the transition's state while they run, corrections applied, denials that leave the task as it
 * was, incidents when a listener's job fails.
 */
class UserTaskListenerTest extends ListenerScenarioTest {

  private final String processId = unique("task-listeners");
  private final String listener = unique("tl");
  private final String second = unique("tl-second");

  private long startWith(Consumer<UserTaskBuilder> task) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                t -> {
                  t.zeebeUserTask().zeebeTaskHeader("team", "onboarding");
                  task.accept(t);
                })
            .endEvent()
            .done());
    return start(processId, Map.of("partner", "acme")).getProcessInstanceKey();
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

  @Test
  void shouldRunCreatingListenersInOrderAndApplyTheirCorrections() {
    // given
    long key =
        startWith(
            t ->
                t.zeebeCandidateGroups("sales")
                    .zeebeTaskPriority("40")
                    .zeebeTaskListener(l -> l.creating().type(listener))
                    .zeebeTaskListener(l -> l.creating().type(second)));

    // when: the first creating listener's job is activated
    ActivatedJob first = awaitJob(listener);

    // then: it carries the task's data; the task is CREATING, the second listener waits
    UserTask task = taskOf(key);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATING);
    assertThat(first.getKind()).hasToString("TASK_LISTENER");
    assertThat(first.getListenerEventType()).hasToString("CREATING");
    assertThat(first.getUserTask().getUserTaskKey()).isEqualTo(task.getUserTaskKey());
    assertThat(first.getUserTask().getCandidateGroups()).containsExactly("sales");
    assertThat(first.getUserTask().getPriority()).isEqualTo(40);
    assertThat(first.getCustomHeaders()).containsEntry("team", "onboarding");
    assertThat(first.getVariablesAsMap()).containsEntry("partner", "acme");
    assertThat(activateNow(second)).isEmpty();

    // when: it corrects the priority and the candidate groups
    client
        .newCompleteCommand(first)
        .withResult(
            r -> r.forUserTask().correctPriority(80).correctCandidateGroups(List.of("risk")))
        .send()
        .join();

    // then: the next listener sees the corrections as changed attributes
    ActivatedJob next = awaitJob(second);
    assertThat(next.getUserTask().getPriority()).isEqualTo(80);
    assertThat(next.getUserTask().getCandidateGroups()).containsExactly("risk");
    assertThat(next.getUserTask().getChangedAttributes())
        .containsExactlyInAnyOrder("priority", "candidateGroups");
    assertThat(get(task.getUserTaskKey()).getState()).isEqualTo(UserTaskState.CREATING);
    client.newCompleteCommand(next).send().join();

    // and: the task is created with them
    UserTask created = get(task.getUserTaskKey());
    assertThat(created.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(created.getPriority()).isEqualTo(80);
    assertThat(created.getCandidateGroups()).containsExactly("risk");
  }

  @Test
  void shouldLeaveTheAssigneeUnchangedWhenAnAssigningListenerDenies() {
    // given
    long key = startWith(t -> t.zeebeTaskListener(l -> l.assigning().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();

    // when: assigned (the answer waits for the listener), the listener denies
    var assigning = client.newAssignUserTaskCommand(taskKey).assignee("alice").send();
    ActivatedJob denied = awaitJob(listener);
    assertThat(assigning.isDone()).isFalse();
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.ASSIGNING);
    assertThat(denied.getUserTask().getAssignee()).isEqualTo("alice");
    assertThat(denied.getUserTask().getAction()).isEqualTo("assign");
    assertThat(denied.getUserTask().getChangedAttributes()).containsExactly("assignee");
    assertProblem(() -> client.newCompleteUserTaskCommand(taskKey).send().join(), 409, "ASSIGNING");
    client
        .newCompleteCommand(denied)
        .withResult(r -> r.forUserTask().deny(true).deniedReason("alice is on leave"))
        .send()
        .join();

    // then: the assignment is rejected, nothing changed
    assertProblem(
        assigning::join,
        409,
        "Assignment of the User Task with key '%d' was denied by Task Listener".formatted(taskKey)
            + ". Reason to deny: 'alice is on leave'");
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(get(taskKey).getAssignee()).isNull();

    // when: assigned again, the listener corrects the assignee
    var again = client.newAssignUserTaskCommand(taskKey).assignee("alice").send();
    client
        .newCompleteCommand(awaitJob(listener))
        .withResult(r -> r.forUserTask().correctAssignee("bob"))
        .send()
        .join();
    again.join();

    // then
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(get(taskKey).getAssignee()).isEqualTo("bob");
  }

  @Test
  void shouldAssignTheProcessAssigneeThroughTheAssigningListeners() {
    // given / when
    long key =
        startWith(
            t -> t.zeebeAssignee("carol").zeebeTaskListener(l -> l.assigning().type(listener)));

    // then
    ActivatedJob job = awaitJob(listener);
    assertThat(job.getUserTask().getAssignee()).isEqualTo("carol");
    assertThat(taskOf(key).getAssignee()).isNull();
    client.newCompleteCommand(job).send().join();
    assertThat(taskOf(key).getAssignee()).isEqualTo("carol");
  }

  @Test
  void shouldShowTheListenersTheCustomActionOfTheRequest() {
    // given
    long key =
        startWith(
            t ->
                t.zeebeTaskListener(l -> l.assigning().type(listener))
                    .zeebeTaskListener(l -> l.completing().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();

    // when: assigned and completed with actions of the application's own
    var assigning =
        client.newAssignUserTaskCommand(taskKey).assignee("ann").action("take-over").send();
    ActivatedJob assignJob = awaitJob(listener);
    client.newCompleteCommand(assignJob).send().join();
    assigning.join();
    var completing = client.newCompleteUserTaskCommand(taskKey).action("complete:ann").send();
    ActivatedJob completeJob = awaitJob(listener);
    client.newCompleteCommand(completeJob).send().join();
    completing.join();

    // then: each listener saw the request's action (Camunda's defaults only when none is given)
    assertThat(assignJob.getUserTask().getAction()).isEqualTo("take-over");
    assertThat(completeJob.getUserTask().getAction()).isEqualTo("complete:ann");
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldKeepTheTaskOpenWhenACompletingListenerDeniesAndCompleteOtherwise() {
    // given
    long key = startWith(t -> t.zeebeTaskListener(l -> l.completing().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();

    // when: completed, the listener denies
    var completing =
        client.newCompleteUserTaskCommand(taskKey).variables(Map.of("approved", true)).send();
    ActivatedJob denied = awaitJob(listener);
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.COMPLETING);
    assertThat(denied.getUserTask().getAction()).isEqualTo("complete");
    client.newCompleteCommand(denied).withResult(r -> r.forUserTask().deny(true)).send().join();

    // then: the completion is rejected, the task is open, the instance waits
    assertProblem(completing::join, 409, "Completion of the User Task");
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);

    // when: completed again and the listener agrees
    var second =
        client.newCompleteUserTaskCommand(taskKey).variables(Map.of("approved", false)).send();
    client.newCompleteCommand(awaitJob(listener)).send().join();
    second.join();

    // then: the task completes with the second completion's variables, the instance goes on
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(key).name("approved"))
                .send()
                .join()
                .singleItem()
                .getValue())
        .isEqualTo("false");
  }

  @Test
  void shouldSetVariablesOnTheTaskOnlyAfterItsUpdatingListenersAgree() {
    // given
    long key = startWith(t -> t.zeebeTaskListener(l -> l.updating().type(listener)));
    UserTask task = taskOf(key);

    // when: variables are set on the task's element instance, the listener denies
    var update =
        client
            .newSetVariablesCommand(task.getElementInstanceKey())
            .variables(Map.of("note", "first"))
            .local(true)
            .send();
    ActivatedJob denied = awaitJob(listener);
    assertThat(denied.getListenerEventType()).hasToString("UPDATING");
    assertThat(get(task.getUserTaskKey()).getState()).isEqualTo(UserTaskState.UPDATING);
    client.newCompleteCommand(denied).withResult(r -> r.forUserTask().deny(true)).send().join();

    // then: rejected, no variable, the task is CREATED again
    assertProblem(update::join, 409, "Update of the User Task");
    assertThat(get(task.getUserTaskKey()).getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(noteValues(key)).isEmpty();

    // when: set again, the listener agrees
    var second =
        client
            .newSetVariablesCommand(task.getElementInstanceKey())
            .variables(Map.of("note", "second"))
            .local(true)
            .send();
    client.newCompleteCommand(awaitJob(listener)).send().join();
    second.join();

    // then
    assertThat(noteValues(key)).containsExactly("\"second\"");
  }

  private List<String> noteValues(long processInstanceKey) {
    return client
        .newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).name("note"))
        .send()
        .join()
        .items()
        .stream()
        .map(v -> v.getValue())
        .toList();
  }

  @Test
  void shouldRejectAHeldCompletionWhenTheInstanceIsCancelledWhileItsListenerRuns() {
    // given: a completion waits for its completing listener
    long key = startWith(t -> t.zeebeTaskListener(l -> l.completing().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();
    var completing = client.newCompleteUserTaskCommand(taskKey).send();
    ActivatedJob job = awaitJob(listener);

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then: the completion is rejected, the listener's job is gone, the task canceled
    assertProblem(completing::join, 409, "was canceled while its task listeners ran");
    assertProblem(() -> client.newCompleteCommand(job).send().join(), 409, "CANCELED");
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.CANCELED);
  }

  @Test
  void shouldRunCancelingListenersWhenTheInstanceIsCancelled() {
    // given
    long key = startWith(t -> t.zeebeTaskListener(l -> l.canceling().type(listener)));
    long taskKey = taskOf(key).getUserTaskKey();

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    ActivatedJob job = awaitJob(listener);
    assertThat(job.getListenerEventType()).hasToString("CANCELING");
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.CANCELING);
    client.newCompleteCommand(job).send().join();
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.CANCELED);
  }

  @Test
  void shouldRaiseAnIncidentWhenAListenerJobFailsAndGoOnAfterItsResolution() {
    // given
    long key = startWith(t -> t.zeebeTaskListener(l -> l.completing().type(listener).retries("1")));
    long taskKey = taskOf(key).getUserTaskKey();
    client.newCompleteUserTaskCommand(taskKey).send(); // its answer waits for the listener
    ActivatedJob job = awaitJob(listener);

    // when
    client.newFailCommand(job).retries(0).errorMessage("audit log down").send().join();

    // then
    awaitIncident(key);
    Incident incident = activeIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.TASK_LISTENER_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("review");
    assertThat(get(taskKey).getState()).isEqualTo(UserTaskState.COMPLETING);

    // when
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    client.newCompleteCommand(awaitJob(listener)).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldStartTheTransitionAgainAfterAnIncidentOnAListenerType() {
    // given: the second assigning listener's type comes from a variable that is missing
    long key =
        startWith(
            t ->
                t.zeebeTaskListener(l -> l.assigning().type(listener))
                    .zeebeTaskListener(l -> l.assigning().typeExpression("auditType")));
    long taskKey = taskOf(key).getUserTaskKey();
    var assigning = client.newAssignUserTaskCommand(taskKey).assignee("frank").send();
    ActivatedJob first = awaitJob(listener);
    client
        .newCompleteCommand(first)
        .withResult(r -> r.forUserTask().correctPriority(90))
        .send()
        .join();
    awaitIncident(key);
    Incident incident = activeIncident(key);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);

    // when
    client.newSetVariablesCommand(key).variables(Map.of("auditType", second)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the first listener runs again, without the earlier correction
    ActivatedJob again = awaitJob(listener);
    assertThat(again.getKey()).isNotEqualTo(first.getKey());
    assertThat(again.getUserTask().getPriority()).isEqualTo(50);
    assertThat(again.getUserTask().getChangedAttributes()).containsExactly("assignee");
    client.newCompleteCommand(again).send().join();
    client.newCompleteCommand(awaitJob(second)).send().join();
    assigning.join();
    assertThat(get(taskKey).getAssignee()).isEqualTo("frank");
    assertThat(get(taskKey).getPriority()).isEqualTo(50);
  }

  @Test
  void shouldRefuseWhatCamundaRefusesFromATaskListener() {
    // given
    long key = startWith(t -> t.zeebeTaskListener(l -> l.creating().type(listener)));
    ActivatedJob job = awaitJob(listener);

    // then: a creation cannot be denied, a task listener takes no variables
    assertProblem(
        () ->
            client
                .newCompleteCommand(job)
                .withResult(r -> r.forUserTask().deny(true))
                .send()
                .join(),
        400,
        "cannot be denied");
    assertProblem(
        () -> client.newCompleteCommand(job).variables(Map.of("x", 1)).send().join(),
        400,
        "variables");
    assertProblem(
        () -> client.newThrowErrorCommand(job).errorCode("NO").send().join(), 400, "listener");

    // and: the job is still open
    client.newCompleteCommand(job).send().join();
    assertThat(taskOf(key).getState()).isEqualTo(UserTaskState.CREATED);
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
}
