package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event-based gateway: the subscriptions and timers of all following events open when the gateway
 * is entered; the first event wins, the others are closed; only the winner gets an element
 * instance.
 */
class EventBasedGatewayTest extends ClockDrivenScenarioTest {

  /** gateway → message "paid" (key = orderId) → job paidType | timer PT1H → job timeoutType. */
  private BpmnModelInstance paymentOrTimeout(
      String processId, String message, String paidType, String timeoutType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .eventBasedGateway("gateway")
        .intermediateCatchEvent(
            "paid", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")))
        .serviceTask("ship", t -> t.zeebeJobType(paidType))
        .endEvent("shipped")
        .moveToNode("gateway")
        .intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT1H"))
        .serviceTask("remind", t -> t.zeebeJobType(timeoutType))
        .endEvent("reminded")
        .done();
  }

  private void publish(String message, String correlationKey, Duration ttl, Map<String, Object> v) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(correlationKey)
        .timeToLive(ttl)
        .variables(v)
        .send()
        .join();
  }

  private List<ElementInstance> elements(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.elementInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  @Test
  void shouldTakeTheMessagePathWhenTheMessageComesFirstAndCancelTheTimer() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String processId = unique("payment-or-timeout");
    String message = unique("paid");
    String paidType = unique("ship");
    String timeoutType = unique("remind");
    deploy(paymentOrTimeout(processId, message, paidType, timeoutType));
    long key = start(processId, Map.of("orderId", "o-1")).getProcessInstanceKey();

    // when
    publish(message, "o-1", Duration.ZERO, Map.of("amount", 42));

    // then: the message path continues with the message's variables
    ActivatedJob ship = awaitJob(paidType);
    assertThat(ship.getProcessInstanceKey()).isEqualTo(key);
    assertThat(ship.getVariablesAsMap()).containsEntry("amount", 42);
    // the timer was cancelled with the gateway
    pinClock(t0.plus(Duration.ofHours(2)));
    assertNoJob(timeoutType);
    assertThat(elements(key))
        .extracting(
            ElementInstance::getElementId, ElementInstance::getType, ElementInstance::getState)
        .containsExactly(
            tuple("start", ElementInstanceType.START_EVENT, ElementInstanceState.COMPLETED),
            tuple(
                "gateway", ElementInstanceType.EVENT_BASED_GATEWAY, ElementInstanceState.COMPLETED),
            tuple(
                "paid",
                ElementInstanceType.INTERMEDIATE_CATCH_EVENT,
                ElementInstanceState.COMPLETED),
            tuple("ship", ElementInstanceType.SERVICE_TASK, ElementInstanceState.ACTIVE));
    client.newCompleteCommand(ship).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldTakeTheTimerPathWhenTheTimerFiresFirstAndCloseTheSubscription() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String processId = unique("payment-or-timeout");
    String message = unique("paid");
    String paidType = unique("ship");
    String timeoutType = unique("remind");
    deploy(paymentOrTimeout(processId, message, paidType, timeoutType));
    long key = start(processId, Map.of("orderId", "o-2")).getProcessInstanceKey();
    pinClock(t0.plus(Duration.ofMinutes(59)));
    assertNoJob(timeoutType);

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    ActivatedJob remind = awaitJob(timeoutType);
    assertThat(remind.getProcessInstanceKey()).isEqualTo(key);
    assertThat(elements(key))
        .extracting(ElementInstance::getElementId)
        .containsExactly("start", "gateway", "timeout", "remind");
    // the message subscription is closed: nothing waits for the message any more
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(message)
                    .correlationKey("o-2")
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
    publish(message, "o-2", Duration.ZERO, Map.of());
    assertNoJob(paidType);
  }

  @Test
  void shouldTakeABufferedMessageWhenTheGatewayIsEntered() {
    // given: the message was published before the instance reached the gateway
    String processId = unique("payment-or-timeout");
    String message = unique("paid");
    String paidType = unique("ship");
    String timeoutType = unique("remind");
    deploy(paymentOrTimeout(processId, message, paidType, timeoutType));
    publish(message, "o-3", Duration.ofMinutes(10), Map.of("amount", 7));

    // when
    long key = start(processId, Map.of("orderId", "o-3")).getProcessInstanceKey();

    // then
    ActivatedJob ship = awaitJob(paidType);
    assertThat(ship.getProcessInstanceKey()).isEqualTo(key);
    assertThat(ship.getVariablesAsMap()).containsEntry("amount", 7);
    assertThat(elements(key))
        .extracting(ElementInstance::getElementId)
        .containsExactly("start", "gateway", "paid", "ship");
  }

  @Test
  void shouldWaitForTheFirstOfTwoMessagesWithKeysEvaluatedWhenEntered() {
    // given
    String processId = unique("accept-or-decline");
    String accepted = unique("accepted");
    String declined = unique("declined");
    String acceptedType = unique("onboard");
    String declinedType = unique("archive");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .eventBasedGateway("gateway")
            .intermediateCatchEvent(
                "accepted",
                e -> e.message(m -> m.name(accepted).zeebeCorrelationKeyExpression("partnerId")))
            .serviceTask("onboard", t -> t.zeebeJobType(acceptedType))
            .endEvent()
            .moveToNode("gateway")
            .intermediateCatchEvent(
                "declined",
                e ->
                    e.message(
                        m ->
                            m.name(declined)
                                .zeebeCorrelationKeyExpression("\"app-\" + string(appNo)")))
            .serviceTask("archive", t -> t.zeebeJobType(declinedType))
            .endEvent()
            .done());
    long key = start(processId, Map.of("partnerId", "p-9", "appNo", 5)).getProcessInstanceKey();

    // when
    publish(declined, "app-5", Duration.ZERO, Map.of("reason", "late"));

    // then
    ActivatedJob archive = awaitJob(declinedType);
    assertThat(archive.getProcessInstanceKey()).isEqualTo(key);
    assertThat(archive.getVariablesAsMap()).containsEntry("reason", "late");
    publish(accepted, "p-9", Duration.ZERO, Map.of());
    assertNoJob(acceptedType);
  }

  @Test
  void shouldRaiseAnIncidentWhenACorrelationKeyCannotBeEvaluated() {
    // given: orderId is missing
    String processId = unique("payment-or-timeout");
    deploy(paymentOrTimeout(processId, unique("paid"), unique("ship"), unique("remind")));

    // when
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // then
    awaitIncident(key);
    var incidents =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .send()
            .join()
            .items();
    assertThat(incidents)
        .extracting(i -> i.getElementId(), i -> i.getErrorType())
        .containsExactly(tuple("gateway", IncidentErrorType.EXTRACT_VALUE_ERROR));
  }

  @Test
  void shouldCloseSubscriptionsWhenTheInstanceIsCancelled() {
    // given
    String processId = unique("payment-or-timeout");
    String message = unique("paid");
    deploy(paymentOrTimeout(processId, message, unique("ship"), unique("remind")));
    long key = start(processId, Map.of("orderId", "o-4")).getProcessInstanceKey();

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(elements(key))
        .filteredOn(e -> e.getElementId().equals("gateway"))
        .extracting(ElementInstance::getState)
        .containsExactly(ElementInstanceState.TERMINATED);
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(message)
                    .correlationKey("o-4")
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldRejectAReceiveTaskAfterTheGatewayAsCamundaDoes() {
    // given
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(unique("receive-after-gateway"))
            .startEvent()
            .eventBasedGateway("gateway")
            .receiveTask(
                "receive", r -> r.message(m -> m.name("x").zeebeCorrelationKeyExpression("id")))
            .endEvent()
            .moveToNode("gateway")
            .intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT1H"))
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(
            () -> client.newDeployResourceCommand().addProcessModel(model, "m.bpmn").send().join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("Event-based gateway");
            });
  }
}
