package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Intermediate message catch events and receive tasks, publish and correlate. */
class MessageCorrelationTest extends ClockDrivenScenarioTest {

  @Autowired JdbcClient jdbc;

  /** start → message catch (name, key = orderId) → service task → end */
  private BpmnModelInstance catchEvent(String processId, String message, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent(
            "wait", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")))
        .serviceTask("after", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private PublishMessageResponse publish(
      String message, String key, Duration timeToLive, Map<String, Object> variables) {
    return client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(key)
        .timeToLive(timeToLive)
        .variables(variables)
        .send()
        .join();
  }

  @Test
  void shouldCorrelatePublishedMessageToWaitingCatchEvent() {
    // given
    String processId = unique("payment");
    String message = unique("payment-received");
    String type = unique("after-payment");
    deploy(catchEvent(processId, message, type));
    long key = start(processId, Map.of("orderId", "order-1")).getProcessInstanceKey();
    assertNoJob(type);

    // when
    PublishMessageResponse response =
        publish(message, "order-1", Duration.ZERO, Map.of("amount", 250));

    // then
    assertThat(response.getMessageKey()).isPositive();
    assertThat(response.getTenantId()).isEqualTo("<default>");
    ActivatedJob job = awaitJob(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    assertThat(job.getVariablesAsMap()).containsEntry("amount", 250);
    client.newCompleteCommand(job).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCorrelateMessageToReceiveTask() {
    // given
    String processId = unique("contract");
    String message = unique("contract-signed");
    String type = unique("after-signature");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .receiveTask(
                "awaitSignature",
                r -> r.message(m -> m.name(message).zeebeCorrelationKeyExpression("contractId")))
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId, Map.of("contractId", "c-7")).getProcessInstanceKey();

    // when
    CorrelateMessageResponse response =
        client
            .newCorrelateMessageCommand()
            .messageName(message)
            .correlationKey("c-7")
            .variables(Map.of("signedBy", "Ada"))
            .send()
            .join();

    // then
    assertThat(response.getProcessInstanceKey()).isEqualTo(key);
    assertThat(response.getMessageKey()).isPositive();
    assertThat(response.getTenantId()).isEqualTo("<default>");
    assertThat(awaitJob(type).getVariablesAsMap()).containsEntry("signedBy", "Ada");
  }

  @Test
  void shouldCorrelateBufferedMessagePublishedBeforeTheInstanceWaits() {
    // given: the message arrives first
    String processId = unique("early");
    String message = unique("early-bird");
    String type = unique("after-early");
    deploy(catchEvent(processId, message, type));
    publish(message, "order-2", Duration.ofMinutes(5), Map.of("early", true));

    // when
    long key = start(processId, Map.of("orderId", "order-2")).getProcessInstanceKey();

    // then
    ActivatedJob job = awaitJob(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    assertThat(job.getVariablesAsMap()).containsEntry("early", true);
  }

  @Test
  void shouldNotBufferMessageWithZeroTimeToLive() {
    // given
    String processId = unique("no-buffer");
    String message = unique("fleeting");
    String type = unique("after-fleeting");
    deploy(catchEvent(processId, message, type));
    publish(message, "order-3", Duration.ZERO, Map.of());

    // when
    long key = start(processId, Map.of("orderId", "order-3")).getProcessInstanceKey();

    // then: still waiting; a second message is needed
    assertNoJob(type);
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    publish(message, "order-3", Duration.ZERO, Map.of());
    assertThat(awaitJob(type).getProcessInstanceKey()).isEqualTo(key);
  }

  @Test
  void shouldNotCorrelateExpiredMessageAndDeleteIt() {
    // given: buffered for one minute
    String processId = unique("expiry");
    String message = unique("stale");
    String type = unique("after-stale");
    deploy(catchEvent(processId, message, type));
    long messageKey = publish(message, "order-4", Duration.ofMinutes(1), Map.of()).getMessageKey();
    assertThat(bufferedMessages(messageKey)).isEqualTo(1);

    // when: two minutes later
    pinClock(Instant.now().plus(Duration.ofMinutes(2)));
    long key = start(processId, Map.of("orderId", "order-4")).getProcessInstanceKey();

    // then
    assertNoJob(type);
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(bufferedMessages(messageKey)).isZero());
  }

  @Test
  void shouldRejectDuplicateMessageIdWhileBuffered() {
    // given
    String message = unique("idempotent");
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("order-5")
        .messageId("m-1")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();

    // when / then: same id again while buffered
    assertThatThrownBy(
            () ->
                client
                    .newPublishMessageCommand()
                    .messageName(message)
                    .correlationKey("order-5")
                    .messageId("m-1")
                    .timeToLive(Duration.ofMinutes(1))
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(409);
              assertThat(e.details().getTitle()).isEqualTo("ALREADY_EXISTS");
              assertThat(e.details().getDetail()).contains("m-1");
            });

    // and: another correlation key, or the same id once expired, is accepted
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("order-6")
        .messageId("m-1")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
    pinClock(Instant.now().plus(Duration.ofMinutes(2)));
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey("order-5")
        .messageId("m-1")
        .timeToLive(Duration.ofMinutes(1))
        .send()
        .join();
  }

  @Test
  void shouldAnswer404WhenCorrelatingWithoutWaitingSubscriptionAndNotBuffer() {
    // given
    String processId = unique("nobody");
    String message = unique("unheard");
    String type = unique("after-unheard");
    deploy(catchEvent(processId, message, type));

    // when / then
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(message)
                    .correlationKey("order-7")
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.details().getTitle()).isEqualTo("NOT_FOUND");
            });
    start(processId, Map.of("orderId", "order-7"));
    assertNoJob(type);
  }

  @Test
  void shouldEvaluateMessageNameAndCorrelationKeyWithFeel() {
    // given
    String processId = unique("feel-subscription");
    String prefix = unique("paid");
    String type = unique("after-feel");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "wait",
                e ->
                    e.message(
                        m ->
                            m.nameExpression("prefix + \"-\" + region")
                                .zeebeCorrelationKeyExpression(
                                    "customer.id + \"/\" + string(orderNo)")))
            .intermediateCatchEvent(
                "waitForNumber",
                e -> e.message(m -> m.name(prefix).zeebeCorrelationKeyExpression("orderNo")))
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    start(
        processId,
        Map.of("prefix", prefix, "region", "emea", "customer", Map.of("id", "c9"), "orderNo", 42));

    // when
    client
        .newCorrelateMessageCommand()
        .messageName(prefix + "-emea")
        .correlationKey("c9/42")
        .send()
        .join();
    client.newCorrelateMessageCommand().messageName(prefix).correlationKey("42").send().join();

    // then
    awaitJob(type);
  }

  @Test
  void shouldRaiseIncidentWhenCorrelationKeyIsNeitherStringNorNumber() {
    // given
    String processId = unique("bad-key");
    deploy(catchEvent(processId, unique("bad"), unique("after-bad")));

    // when
    long key = start(processId, Map.of("orderId", true)).getProcessInstanceKey();

    // then
    awaitIncident(key);
  }

  @Test
  void shouldOpenSubscriptionWhenItsIncidentIsResolved() {
    // given: the correlation key cannot be evaluated
    String processId = unique("fixed-key");
    String message = unique("after-fix");
    String type = unique("after-fixed-key");
    deploy(catchEvent(processId, message, type));
    long key = start(processId, Map.of("orderId", true)).getProcessInstanceKey();
    awaitIncident(key);
    Incident incident =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .send()
            .join()
            .singleItem();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo("wait");

    // when: the variable is fixed and the incident resolved
    client.newSetVariablesCommand(key).variables(Map.of("orderId", "order-16")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the subscription is open with the new key
    publish(message, "order-16", Duration.ZERO, Map.of());
    assertThat(awaitJob(type).getProcessInstanceKey()).isEqualTo(key);
  }

  @Test
  void shouldPropagateMessageVariablesToTheProcessScope() {
    // given
    String processId = unique("merge");
    String message = unique("status-changed");
    String type = unique("after-merge");
    deploy(catchEvent(processId, message, type));
    start(processId, Map.of("orderId", "order-8", "status", "new", "kept", 1));

    // when
    publish(message, "order-8", Duration.ZERO, Map.of("status", "paid", "amount", 10));

    // then: merged into the process scope, existing values overwritten
    ActivatedJob job = awaitJob(type);
    assertThat(job.getVariablesAsMap())
        .containsEntry("status", "paid")
        .containsEntry("amount", 10)
        .containsEntry("kept", 1);
    assertThat(processVariables(job.getProcessInstanceKey()))
        .containsEntry("status", "\"paid\"")
        .containsEntry("amount", "10");
  }

  @Test
  void shouldApplyOutputMappingsToMessageVariables() {
    // given
    String processId = unique("mapped");
    String message = unique("mapped-message");
    String type = unique("after-mapped");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "wait",
                e ->
                    e.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
                        .zeebeOutputExpression("amount * 2", "doubled"))
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    start(processId, Map.of("orderId", "order-9"));

    // when
    publish(message, "order-9", Duration.ZERO, Map.of("amount", 21));

    // then: only the mapped result leaves the catch event
    ActivatedJob job = awaitJob(type);
    assertThat(job.getVariablesAsMap()).containsEntry("doubled", 42).doesNotContainKey("amount");
  }

  @Test
  void shouldCorrelateBufferedMessageAtMostOncePerInstance() {
    // given: two catch events in a row for the same message
    String processId = unique("twice");
    String message = unique("once");
    String type = unique("after-twice");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "first",
                e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")))
            .intermediateCatchEvent(
                "second",
                e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")))
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    publish(message, "order-10", Duration.ofMinutes(5), Map.of("n", 1));

    // when
    long key = start(processId, Map.of("orderId", "order-10")).getProcessInstanceKey();

    // then: the buffered message passed "first" only
    assertNoJob(type);
    publish(message, "order-10", Duration.ofMinutes(5), Map.of("n", 2));
    ActivatedJob job = awaitJob(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    assertThat(job.getVariablesAsMap()).containsEntry("n", 2);
  }

  @Test
  void shouldCorrelateOneMessageToWaitingInstancesOfDifferentProcesses() {
    // given: two processes wait for the same message and key
    String message = unique("shared");
    String typeA = unique("after-a");
    String typeB = unique("after-b");
    String processA = unique("process-a");
    String processB = unique("process-b");
    deploy(catchEvent(processA, message, typeA));
    deploy(catchEvent(processB, message, typeB));
    long a = start(processA, Map.of("orderId", "order-11")).getProcessInstanceKey();
    long b = start(processB, Map.of("orderId", "order-11")).getProcessInstanceKey();

    // when
    publish(message, "order-11", Duration.ZERO, Map.of());

    // then
    assertThat(awaitJob(typeA).getProcessInstanceKey()).isEqualTo(a);
    assertThat(awaitJob(typeB).getProcessInstanceKey()).isEqualTo(b);
  }

  @Test
  void shouldCorrelateOneMessageOnlyOncePerProcessAsCamundaDoes() {
    // given: two instances of the same process wait for the same message and key
    String processId = unique("same-process");
    String message = unique("per-process");
    String type = unique("after-per-process");
    deploy(catchEvent(processId, message, type));
    long first = start(processId, Map.of("orderId", "order-12")).getProcessInstanceKey();
    long second = start(processId, Map.of("orderId", "order-12")).getProcessInstanceKey();

    // when
    publish(message, "order-12", Duration.ofMinutes(5), Map.of());

    // then: only the instance that waited first gets it, even though it is buffered
    assertThat(awaitJob(type).getProcessInstanceKey()).isEqualTo(first);
    assertNoJob(type);
    publish(message, "order-12", Duration.ZERO, Map.of());
    assertThat(awaitJob(type).getProcessInstanceKey()).isEqualTo(second);
  }

  @Test
  void shouldCorrelateBufferedMessageToOnlyOneLaterInstanceOfAProcess() {
    // given
    String processId = unique("buffered-per-process");
    String message = unique("buffered-once");
    String type = unique("after-buffered-once");
    deploy(catchEvent(processId, message, type));
    publish(message, "order-13", Duration.ofMinutes(5), Map.of());

    // when
    long first = start(processId, Map.of("orderId", "order-13")).getProcessInstanceKey();
    long second = start(processId, Map.of("orderId", "order-13")).getProcessInstanceKey();

    // then
    assertThat(awaitJob(type).getProcessInstanceKey()).isEqualTo(first);
    assertNoJob(type);
    assertThat(instance(second).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldDeleteSubscriptionWhenInstanceIsCancelled() {
    // given
    String processId = unique("cancelled");
    String message = unique("too-late");
    deploy(catchEvent(processId, message, unique("after-cancel")));
    long key = start(processId, Map.of("orderId", "order-14")).getProcessInstanceKey();

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(message)
                    .correlationKey("order-14")
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldDeliverBufferedMessageThatAStoppedNodeClaimedButNeverDelivered() {
    // given: an instance waits, and a message is buffered and claimed for its process, as a
    // publishing node leaves it when it stops between buffering and delivering
    String processId = unique("orphaned");
    String message = unique("orphan");
    String type = unique("after-orphan");
    deploy(catchEvent(processId, message, type));
    long key = start(processId, Map.of("orderId", "order-15")).getProcessInstanceKey();
    long messageKey = -System.nanoTime();
    jdbc.sql(
            "INSERT INTO engine.message (key, name, correlation_key, variables, tenant_id,"
                + " published, expires_at) VALUES (?, ?, 'order-15', '{\"late\":true}',"
                + " '<default>', now(), now() + interval '1 hour')")
        .params(messageKey, message)
        .update();
    jdbc.sql(
            "INSERT INTO engine.message_correlation (message_key, bpmn_process_id,"
                + " process_instance_key) VALUES (?, ?, ?)")
        .params(messageKey, processId, key)
        .update();

    // when / then: the scheduler delivers it
    ActivatedJob job = awaitJob(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    assertThat(job.getVariablesAsMap()).containsEntry("late", true);
  }

  private long bufferedMessages(long messageKey) {
    return jdbc.sql("SELECT count(*) FROM engine.message WHERE key = ?")
        .param(messageKey)
        .query(Long.class)
        .single();
  }

  private Map<String, String> processVariables(long processInstanceKey) {
    Map<String, String> values = new java.util.HashMap<>();
    jdbc.sql("SELECT name, value FROM engine.variable WHERE scope_key = ?")
        .param(processInstanceKey)
        .query()
        .listOfRows()
        .forEach(row -> values.put((String) row.get("name"), (String) row.get("value")));
    return values;
  }
}
