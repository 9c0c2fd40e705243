package io.partnerflow.engine.scenario;

import static io.partnerflow.engine.scenario.MigrationFixtures.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Migration plans the engine refuses — a 400 (404 for what does not exist, 409 for an ended
 * instance) naming the element, with nothing changed: the instance, its task and its timers stay in
 * the source definition.
 */
class MigrationRejectionTest extends ClockDrivenScenarioTest {

  private final String processId = unique("refused");

  private UserTask openTask(long instanceKey) {
    return MigrationFixtures.openTask(client, instanceKey);
  }

  private BpmnModelInstance reviewWithTimer(String task) {
    return MigrationFixtures.taskWithTimer(processId, task, "expire", "P1D", null);
  }

  private record Given(long v1, long instanceKey, UserTask task) {}

  private Given waitingAtReview() {
    long v1 = deploy(reviewWithTimer("review"));
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    return new Given(v1, instanceKey, openTask(instanceKey));
  }

  /** The instance, its task (and so its element instance) are still those of the source. */
  private void assertUnchanged(Given given) {
    assertThat(instance(given.instanceKey()).getProcessDefinitionKey()).isEqualTo(given.v1());
    UserTask task = client.newUserTaskGetRequest(given.task().getUserTaskKey()).send().join();
    assertThat(task.getProcessDefinitionKey()).isEqualTo(given.v1());
    assertThat(task.getElementId()).isEqualTo(given.task().getElementId());
  }

  @Test
  void shouldRefuseAnActiveElementWithoutMappingInstruction() {
    Given given = waitingAtReview();
    long v2 = deploy(reviewWithTimer("approve"));

    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2)
                .addMappingInstruction("start", "start") // not active: ignored
                .send()
                .join(),
        400,
        "no mapping instruction defined for active element with id 'review'");
    assertUnchanged(given);
  }

  @Test
  void shouldRefuseAMappingToAnElementOfAnotherType() {
    Given given = waitingAtReview();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .serviceTask("review", t -> t.zeebeJobType(unique("job")))
                .endEvent()
                .done());

    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2)
                .addMappingInstruction("review", "review")
                .send()
                .join(),
        400,
        "active element with id 'review' and type 'USER_TASK'",
        "different type 'SERVICE_TASK'");
    assertUnchanged(given);
  }

  @Test
  void shouldRefuseUnknownElementsDefinitionsAndInstances() {
    Given given = waitingAtReview();
    long v2 = deploy(reviewWithTimer("approve"));

    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2)
                .addMappingInstruction("review", "missing")
                .send()
                .join(),
        400,
        "non-existing target element id 'missing'");
    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2)
                .addMappingInstruction("review", "approve")
                .addMappingInstruction("nowhere", "approve")
                .send()
                .join(),
        400,
        "non-existing source element id 'nowhere'");
    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2)
                .addMappingInstruction("review", "approve")
                .addMappingInstruction("review", "start")
                .send()
                .join(),
        400,
        "several mapping instructions for the source element 'review'");
    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2 + 1_000_000)
                .addMappingInstruction("review", "approve")
                .send()
                .join(),
        404,
        "no process definition found");
    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey() + 1_000_000)
                .migrationPlan(v2)
                .addMappingInstruction("review", "approve")
                .send()
                .join(),
        404,
        "Process instance");
    assertUnchanged(given);
  }

  @Test
  void shouldRefuseAnEndedInstance() {
    Given given = waitingAtReview();
    long v2 = deploy(reviewWithTimer("approve"));
    client.newCompleteUserTaskCommand(given.task().getUserTaskKey()).send().join();
    awaitState(given.instanceKey(), ProcessInstanceState.COMPLETED);

    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2)
                .addMappingInstruction("review", "approve")
                .send()
                .join(),
        409,
        "but it is COMPLETED");
  }

  @Test
  void shouldRollBackWhenAnEventMappingIsRefusedAfterTheElementsWereMapped() {
    // given: the timer is mapped to a boundary event of another task
    Given given = waitingAtReview();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("start")
                .userTask("review", t -> t.zeebeUserTask())
                .userTask("other", t -> t.zeebeUserTask())
                .boundaryEvent("otherTimer")
                .timerWithDuration("P1D")
                .endEvent()
                .moveToActivity("other")
                .endEvent()
                .done());

    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(given.instanceKey())
                .migrationPlan(v2)
                .addMappingInstruction("review", "review")
                .addMappingInstruction("expire", "otherTimer")
                .send()
                .join(),
        400,
        "the event 'expire' of active element 'review' is mapped to 'otherTimer'");
    assertUnchanged(given);
  }

  @Test
  void shouldRefuseAnActiveSubProcessWithoutMappingAndAChangedFlowScope() {
    // given: the task waits inside a sub-process
    long v1 = deploy(MigrationFixtures.taskInSubProcess(processId, "checks", "review"));
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    Given given = new Given(v1, instanceKey, openTask(instanceKey));
    // v2: the task moved out of the sub-process
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .subProcess(
                    "checks",
                    s ->
                        s.embeddedSubProcess().startEvent().manualTask("nothingToCheck").endEvent())
                .userTask("review", t -> t.zeebeUserTask())
                .endEvent()
                .done());

    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(instanceKey)
                .migrationPlan(v2)
                .addMappingInstruction("review", "review")
                .send()
                .join(),
        400,
        "no mapping instruction defined for active element with id 'checks'");
    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(instanceKey)
                .migrationPlan(v2)
                .addMappingInstruction("checks", "checks")
                .addMappingInstruction("review", "review")
                .send()
                .join(),
        400,
        "active element with id 'review' is mapped to element with id 'review' that has a"
            + " different flow scope");
    assertUnchanged(given);
  }

  @Test
  void shouldRefuseMultiInstanceAndEventSubProcessElements() {
    // given: a multi-instance user task
    long v1 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask(
                    "review",
                    t ->
                        t.zeebeUserTask()
                            .multiInstance(
                                m -> m.parallel().zeebeInputCollectionExpression("[1,2]")))
                .endEvent()
                .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    long v2 = deploy(reviewWithTimer("review"));
    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(instanceKey)
                .migrationPlan(v2)
                .addMappingInstruction("review", "review")
                .send()
                .join(),
        400,
        "'review' is a multi-instance activity");
    assertThat(instance(instanceKey).getProcessDefinitionKey()).isEqualTo(v1);

    // and an event sub-process that runs
    String esp = unique("esp");
    String message = unique("escalate");
    long e1 =
        deploy(
            Bpmn.createExecutableProcess(esp)
                .eventSubProcess(
                    "handler",
                    e ->
                        e.startEvent("escalated")
                            .interrupting(false)
                            .message(m -> m.name(message).zeebeCorrelationKeyExpression("id"))
                            .userTask("handle", t -> t.zeebeUserTask())
                            .endEvent())
                .startEvent()
                .userTask("work", t -> t.zeebeUserTask())
                .endEvent()
                .done());
    long espInstance = start(esp, Map.of("id", "x-1")).getProcessInstanceKey();
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("x-1")
        .timeToLive(Duration.ZERO)
        .send()
        .join();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(espInstance).elementId("handle"))
                        .send()
                        .join()
                        .items()
                        .size()
                    == 1);
    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(espInstance)
                .migrationPlan(e1)
                .addMappingInstruction("work", "work")
                .addMappingInstruction("handler", "handler")
                .addMappingInstruction("handle", "handle")
                .send()
                .join(),
        400,
        "'handler' is an event sub-process");
  }

  @Test
  void shouldRefuseAnElementWhoseListenersAreRunningUntilTheyHaveCompleted() {
    // given: the user task's creating listener has not completed yet
    String listener = unique("creating");
    long v1 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask(
                    "review",
                    t -> t.zeebeUserTask().zeebeTaskListener(l -> l.creating().type(listener)))
                .endEvent()
                .done());
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    long v2 = deploy(reviewWithTimer("review"));
    var job = awaitJob(listener);

    assertProblem(
        () ->
            client
                .newMigrateProcessInstanceCommand(instanceKey)
                .migrationPlan(v2)
                .addMappingInstruction("review", "review")
                .send()
                .join(),
        400,
        "active element with id 'review' waits for its listeners");
    assertThat(instance(instanceKey).getProcessDefinitionKey()).isEqualTo(v1);

    // when the listener has completed, the same plan is accepted
    client.newCompleteCommand(job.getKey()).send().join();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(openTask(instanceKey)).isNotNull());
    client
        .newMigrateProcessInstanceCommand(instanceKey)
        .migrationPlan(v2)
        .addMappingInstruction("review", "review")
        .send()
        .join();
    assertThat(instance(instanceKey).getProcessDefinitionKey()).isEqualTo(v2);
  }
}
