package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message boundary events on tasks and sub-processes, interrupting and non-interrupting. */
class BoundaryMessageEventTest extends ScopeScenarioTest {

  private final String processId = unique("boundary-message");
  private final String message = unique("cancel");
  private final String workType = unique("work");
  private final String handleType = unique("handle");
  private final String orderId = unique("order");

  private BpmnModelInstance taskWithMessageBoundary(boolean interrupting) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(workType))
        .endEvent("worked")
        .moveToActivity("work")
        .boundaryEvent("cancelled")
        .cancelActivity(interrupting)
        .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
        .serviceTask("handle", t -> t.zeebeJobType(handleType))
        .endEvent("handled")
        .done();
  }

  private void publish(Map<String, Object> variables, Duration timeToLive) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(orderId)
        .timeToLive(timeToLive)
        .variables(variables)
        .send()
        .join();
  }

  private void assertNothingWaits() {
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(message)
                    .correlationKey(orderId)
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldInterruptTheTaskWhenTheMessageArrives() {
    // given
    deploy(taskWithMessageBoundary(true));
    long key = start(processId, Map.of("orderId", orderId)).getProcessInstanceKey();
    ActivatedJob work = awaitJob(workType);

    // when
    publish(Map.of("reason", "customer"), Duration.ZERO);

    // then
    ActivatedJob handle = awaitJob(handleType);
    assertThat(handle.getVariablesAsMap()).containsEntry("reason", "customer");
    assertThat(history(key)).contains("work TERMINATED", "cancelled COMPLETED");
    assertThatThrownBy(() -> client.newCompleteCommand(work).send().join())
        .isInstanceOf(ProblemException.class);
    client.newCompleteCommand(handle).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldStartATokenForEveryMessageWhileTheTaskGoesOn() {
    // given
    deploy(taskWithMessageBoundary(false));
    long key = start(processId, Map.of("orderId", orderId)).getProcessInstanceKey();
    ActivatedJob work = awaitJob(workType);

    // when: two messages
    publish(Map.of("n", 1), Duration.ZERO);
    ActivatedJob first = awaitJob(handleType);
    publish(Map.of("n", 2), Duration.ZERO);
    ActivatedJob second = awaitJob(handleType);

    // then
    assertThat(List.of(first.getVariablesAsMap().get("n"), second.getVariablesAsMap().get("n")))
        .containsExactly(1, 2);
    assertThat(history(key).stream().filter("cancelled COMPLETED"::equals)).hasSize(2);
    assertThat(history(key)).contains("work ACTIVE");

    // when: the task completes, its subscription closes
    client.newCompleteCommand(work).send().join();

    // then
    assertNothingWaits();
    client.newCompleteCommand(first).send().join();
    client.newCompleteCommand(second).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCloseTheSubscriptionWhenTheTaskCompletes() {
    // given
    deploy(taskWithMessageBoundary(true));
    long key = start(processId, Map.of("orderId", orderId)).getProcessInstanceKey();

    // when
    client.newCompleteCommand(awaitJob(workType)).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertNothingWaits();
  }

  @Test
  void shouldTakeABufferedMessageWhenTheTaskIsActivated() {
    // given: the message is published before the instance reaches the task
    deploy(taskWithMessageBoundary(true));
    publish(Map.of(), Duration.ofMinutes(5));

    // when
    long key = start(processId, Map.of("orderId", orderId)).getProcessInstanceKey();

    // then
    assertThat(awaitJob(handleType).getProcessInstanceKey()).isEqualTo(key);
    assertThat(history(key)).contains("work TERMINATED", "cancelled COMPLETED");
    assertNoJob(workType);
  }

  @Test
  void shouldInterruptASubProcessAndItsContent() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType(workType))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("cancelled")
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
            .serviceTask("handle", t -> t.zeebeJobType(handleType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("orderId", orderId)).getProcessInstanceKey();
    awaitJob(workType);

    // when
    publish(Map.of(), Duration.ZERO);

    // then
    assertThat(awaitJob(handleType).getProcessInstanceKey()).isEqualTo(key);
    assertThat(history(key)).contains("sub TERMINATED", "work TERMINATED", "cancelled COMPLETED");
  }

  @Test
  void shouldRaiseAnIncidentWhenTheCorrelationKeyCannotBeEvaluated() {
    // given
    deploy(taskWithMessageBoundary(true));

    // when: orderId is missing
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitIncident(key);
    assertNoJob(workType);
  }
}
