package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process instance migration of what an element waits for: timers keep their due dates and
 * subscriptions their correlation keys when their event is mapped, and then trigger the target's
 * flow; an event without a mapping stops waiting; an event that only the target has starts waiting.
 */
class MigrationEventTest extends ClockDrivenScenarioTest {

  private final Instant t0 = Instant.now().plus(Duration.ofDays(3));
  private final String processId = unique("journey");

  private UserTask openTask(long instanceKey) {
    return MigrationFixtures.openTask(client, instanceKey);
  }

  private void migrate(long instanceKey, long target, String... sourceTargetPairs) {
    MigrationFixtures.migrate(client, instanceKey, target, sourceTargetPairs);
  }

  private void publish(String message, String correlationKey) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(correlationKey)
        .timeToLive(Duration.ZERO)
        .send()
        .join();
  }

  /** A user task with an interrupting timer boundary event that leads to a job. */
  private BpmnModelInstance taskWithTimer(String task, String timer, String duration, String job) {
    return MigrationFixtures.taskWithTimer(processId, task, timer, duration, job);
  }

  @Test
  void shouldKeepAMappedBoundaryTimersDueDateAndFireIntoTheTarget() {
    // given: v1's reminder is due a day after the task was created
    String expiredV1 = unique("expired-v1");
    String expiredV2 = unique("expired-v2");
    pinClock(t0);
    deploy(taskWithTimer("review", "expire", "P1D", expiredV1));
    long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
    long taskKey = openTask(instanceKey).getUserTaskKey();
    // v2's timer would be due after an hour: a migrated timer is not rescheduled
    long v2 = deploy(taskWithTimer("reviewV2", "expireV2", "PT1H", expiredV2));

    // when
    migrate(instanceKey, v2, "review", "reviewV2", "expire", "expireV2");

    // then: not due after two hours
    pinClock(t0.plus(Duration.ofHours(2)));
    assertNoJob(expiredV2);
    assertThat(openTask(instanceKey).getUserTaskKey()).isEqualTo(taskKey);

    // when: the original due date passes
    pinClock(t0.plus(Duration.ofDays(1)).plusSeconds(1));

    // then: the target's boundary event interrupts the task and takes the target's flow
    ActivatedJob handled = awaitJob(expiredV2);
    assertThat(handled.getElementId()).isEqualTo("expireV2Handled");
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
    assertNoJob(expiredV1);
    client.newCompleteCommand(handled.getKey()).send().join();
    awaitState(instanceKey, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCancelAnUnmappedBoundaryTimerAndOpenTheTargetsNewMessageBoundaryEvent() {
    // given: v1's task has a timer; v2's has a message boundary event instead
    String expired = unique("expired");
    String withdrawn = unique("withdrawn");
    String message = unique("partner-withdrew");
    pinClock(t0);
    deploy(taskWithTimer("review", "expire", "PT1H", expired));
    long instanceKey = start(processId, Map.of("partnerId", "p-42")).getProcessInstanceKey();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("review", t -> t.zeebeUserTask())
                .boundaryEvent("withdraw")
                .message(m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
                .serviceTask("archive", t -> t.zeebeJobType(withdrawn))
                .endEvent()
                .moveToActivity("review")
                .endEvent()
                .done());

    // when: the timer has no mapping instruction
    migrate(instanceKey, v2, "review", "review");

    // then: it no longer fires
    pinClock(t0.plus(Duration.ofHours(2)));
    assertNoJob(expired);

    // and the target's message boundary event waits, with the correlation key of the instance
    publish(message, "p-other");
    assertNoJob(withdrawn);
    publish(message, "p-42");
    ActivatedJob archive = awaitJob(withdrawn);
    assertThat(archive.getProcessInstanceKey()).isEqualTo(instanceKey);
  }

  @Test
  void shouldCarryAMappedMessageBoundarySubscriptionOver() {
    // given: v1 and v2 wait for the same message on the task, under different ids
    String message = unique("contract-signed");
    String signedV2 = unique("signed-v2");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("sign", t -> t.zeebeUserTask())
            .boundaryEvent("signed")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
            .endEvent()
            .moveToActivity("sign")
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of("partnerId", "p-7")).getProcessInstanceKey();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("signContract", t -> t.zeebeUserTask())
                .boundaryEvent("contractSigned")
                .message(m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
                .serviceTask("countersign", t -> t.zeebeJobType(signedV2))
                .endEvent()
                .moveToActivity("signContract")
                .endEvent()
                .done());

    // when
    migrate(instanceKey, v2, "sign", "signContract", "signed", "contractSigned");

    // then: a message correlated now reaches the migrated instance, through the target's flow
    var correlated =
        client
            .newCorrelateMessageCommand()
            .messageName(message)
            .correlationKey("p-7")
            .send()
            .join();
    assertThat(correlated.getProcessInstanceKey()).isEqualTo(instanceKey);
    ActivatedJob countersign = awaitJob(signedV2);
    assertThat(countersign.getProcessDefinitionKey()).isEqualTo(v2);
  }

  @Test
  void shouldMigrateIntermediateMessageAndTimerCatchEvents() {
    // given: one instance waits at a message catch event, another at a timer catch event
    String message = unique("documents-received");
    String afterMessage = unique("after-message");
    String afterTimer = unique("after-timer");
    String timerProcess = unique("cooling-off");
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("documents")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(timerProcess)
            .startEvent()
            .intermediateCatchEvent("coolingOff")
            .timerWithDuration("PT2H")
            .endEvent()
            .done());
    long waitingForMessage = start(processId, Map.of("partnerId", "p-9")).getProcessInstanceKey();
    long waitingForTimer = start(timerProcess, Map.of()).getProcessInstanceKey();
    long messageV2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .intermediateCatchEvent("documentsReceived")
                .message(m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
                .serviceTask("file", t -> t.zeebeJobType(afterMessage))
                .endEvent()
                .done());
    long timerV2 =
        deploy(
            Bpmn.createExecutableProcess(timerProcess)
                .startEvent()
                .intermediateCatchEvent("coolingOffPeriod")
                .timerWithDuration("P10D")
                .serviceTask("proceed", t -> t.zeebeJobType(afterTimer))
                .endEvent()
                .done());

    // when
    migrate(waitingForMessage, messageV2, "documents", "documentsReceived");
    migrate(waitingForTimer, timerV2, "coolingOff", "coolingOffPeriod");

    // then: the message reaches the migrated catch event
    publish(message, "p-9");
    assertThat(awaitJob(afterMessage).getProcessInstanceKey()).isEqualTo(waitingForMessage);
    // and the timer fires at its original due date, not the target's
    pinClock(t0.plus(Duration.ofHours(2)).plusSeconds(1));
    assertThat(awaitJob(afterTimer).getProcessInstanceKey()).isEqualTo(waitingForTimer);
  }

  @Test
  void shouldCorrelateABufferedMessageWithANewBoundarySubscriptionAtOnce() {
    // given: the message was published (buffered) before the target waited for it
    String message = unique("partner-left");
    String left = unique("left");
    deploy(MigrationFixtures.waitingAt(processId, "review"));
    long instanceKey = start(processId, Map.of("partnerId", "p-3")).getProcessInstanceKey();
    long taskKey = openTask(instanceKey).getUserTaskKey();
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("p-3")
        .timeToLive(Duration.ofHours(1))
        .variables(Map.of("reason", "merger"))
        .send()
        .join();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("review", t -> t.zeebeUserTask())
                .boundaryEvent("partnerLeft")
                .message(m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
                .serviceTask("offboard", t -> t.zeebeJobType(left))
                .endEvent()
                .moveToActivity("review")
                .endEvent()
                .done());

    // when
    migrate(instanceKey, v2, "review", "review");

    // then: the new subscription took the buffered message: the task was interrupted
    ActivatedJob offboard = awaitJob(left);
    assertThat(offboard.getVariablesAsMap()).containsEntry("reason", "merger");
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
  }

  @Test
  void shouldCarryAnEventSubProcessStartSubscriptionOfTheProcessOver() {
    // given: the process waits for a withdrawal message in an event sub-process
    String message = unique("withdrawal");
    String withdrawnV2 = unique("withdrawn-v2");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .eventSubProcess(
                "withdrawal",
                e ->
                    e.startEvent("withdrawalRequested")
                        .interrupting(true)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
                        .endEvent())
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of("partnerId", "p-5")).getProcessInstanceKey();
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .eventSubProcess(
                    "withdrawalV2",
                    e ->
                        e.startEvent("withdrawalRequestedV2")
                            .interrupting(true)
                            .message(
                                m -> m.name(message).zeebeCorrelationKeyExpression("partnerId"))
                            .serviceTask("archive", t -> t.zeebeJobType(withdrawnV2))
                            .endEvent())
                .startEvent()
                .userTask("review", t -> t.zeebeUserTask())
                .endEvent()
                .done());

    // when: the start event is mapped (the event sub-process itself is not active)
    migrate(instanceKey, v2, "review", "review", "withdrawalRequested", "withdrawalRequestedV2");

    // then: the message opens the target's event sub-process
    publish(message, "p-5");
    assertThat(awaitJob(withdrawnV2).getProcessInstanceKey()).isEqualTo(instanceKey);
  }

  @Test
  void shouldMigrateASignalCatchEventOfACalledInstance() {
    // given: a called instance waits for a signal
    String signal = unique("market-opened");
    String childId = unique("child");
    String afterSignal = unique("after-signal");
    deploy(
        Bpmn.createExecutableProcess(childId)
            .startEvent()
            .intermediateCatchEvent("marketOpen", e -> e.signal(signal))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    long parentKey = start(processId, Map.of()).getProcessInstanceKey();
    long childKey = MigrationFixtures.calledInstance(client, parentKey);
    long childV2 =
        deploy(
            Bpmn.createExecutableProcess(childId)
                .startEvent()
                .intermediateCatchEvent("marketOpened", e -> e.signal(signal))
                .serviceTask("expand", t -> t.zeebeJobType(afterSignal))
                .endEvent()
                .done());

    // when: the called instance itself is migrated
    migrate(childKey, childV2, "marketOpen", "marketOpened");

    // then: the signal reaches its migrated catch event, and the target's flow follows
    client.newBroadcastSignalCommand().signalName(signal).send().join();
    ActivatedJob expand = awaitJob(afterSignal);
    assertThat(expand.getProcessInstanceKey()).isEqualTo(childKey);
    assertThat(instance(childKey).getParentProcessInstanceKey()).isEqualTo(parentKey);
    client.newCompleteCommand(expand.getKey()).send().join();
    awaitState(parentKey, ProcessInstanceState.COMPLETED);
  }
}
