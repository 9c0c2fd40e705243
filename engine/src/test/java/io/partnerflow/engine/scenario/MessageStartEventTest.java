package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message start events: instances created by published or correlated messages. */
class MessageStartEventTest extends ClockDrivenScenarioTest {

  /** message start (name) → job → end */
  private BpmnModelInstance messageStarted(String processId, String message, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("received")
        .message(message)
        .serviceTask("handle", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private void publish(String message, String key, Duration ttl, Map<String, Object> variables) {
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(key)
        .timeToLive(ttl)
        .variables(variables)
        .send()
        .join();
  }

  private List<ProcessInstance> instances(String processId) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.processInstanceKey().asc())
        .send()
        .join()
        .items();
  }

  private void awaitInstances(String processId, int count) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(instances(processId)).hasSize(count));
  }

  @Test
  void shouldCreateAnInstanceWithTheMessageVariables() {
    // given
    String processId = unique("signup");
    String message = unique("signed-up");
    String type = unique("welcome");
    deploy(messageStarted(processId, message, type));

    // when
    publish(message, "", Duration.ZERO, Map.of("email", "ada@example.org"));

    // then
    ActivatedJob job = awaitJob(type);
    assertThat(job.getVariablesAsMap()).containsEntry("email", "ada@example.org");
    assertThat(instances(processId))
        .extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(job.getProcessInstanceKey());
    List<ElementInstance> start =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(job.getProcessInstanceKey()).elementId("received"))
            .send()
            .join()
            .items();
    assertThat(start).hasSize(1);
  }

  @Test
  void shouldCreateOneInstancePerMessageWithoutCorrelationKey() {
    // given
    String processId = unique("signup");
    String message = unique("signed-up");
    deploy(messageStarted(processId, message, unique("welcome")));

    // when
    publish(message, "", Duration.ZERO, Map.of());
    publish(message, "", Duration.ZERO, Map.of());

    // then
    awaitInstances(processId, 2);
  }

  @Test
  void shouldKeepOneActiveInstancePerCorrelationKeyAndStartTheBufferedNextWhenItEnds() {
    // given: an instance started for key k-1
    String processId = unique("application");
    String message = unique("applied");
    String type = unique("review");
    deploy(messageStarted(processId, message, type));
    publish(message, "k-1", Duration.ZERO, Map.of("round", 1));
    ActivatedJob first = awaitJob(type);

    // when: more messages for k-1 while it is active (the second one buffered), one for k-2
    publish(message, "k-1", Duration.ZERO, Map.of("round", 2));
    publish(message, "k-1", Duration.ofHours(1), Map.of("round", 3));
    publish(message, "k-2", Duration.ZERO, Map.of("round", 1));

    // then: k-1 has still one instance, k-2 got its own
    ActivatedJob other = awaitJob(type);
    assertThat(other.getVariablesAsMap()).containsEntry("round", 1);
    assertThat(instances(processId)).hasSize(2);

    // when: the k-1 instance completes
    client.newCompleteCommand(first).send().join();

    // then: the buffered message starts the next instance for k-1
    ActivatedJob next = awaitJob(type);
    assertThat(next.getVariablesAsMap()).containsEntry("round", 3);
    assertThat(instances(processId)).hasSize(3);
    awaitState(first.getProcessInstanceKey(), ProcessInstanceState.COMPLETED);

    // and: while that one is active, k-1 stays blocked; cancelling it frees the key
    publish(message, "k-1", Duration.ZERO, Map.of("round", 4));
    assertNoJob(type);
    client.newCancelInstanceCommand(next.getProcessInstanceKey()).send().join();
    publish(message, "k-1", Duration.ZERO, Map.of("round", 5));
    assertThat(awaitJob(type).getVariablesAsMap()).containsEntry("round", 5);
  }

  @Test
  void shouldSubscribeOnlyTheLatestVersion() {
    // given: version 1 starts on the message, version 2 has only a none start event
    String processId = unique("versions");
    String message = unique("go");
    String type = unique("work");
    deploy(messageStarted(processId, message, type));
    String message2 = unique("go-again");
    deploy(messageStarted(processId, message2, type));

    // when: the old message name
    publish(message, "", Duration.ZERO, Map.of());

    // then: nothing; the new name starts version 2
    assertNoJob(type);
    publish(message2, "", Duration.ZERO, Map.of());
    ActivatedJob job = awaitJob(type);
    assertThat(instance(job.getProcessInstanceKey()).getProcessDefinitionVersion()).isEqualTo(2);

    // when: a version without message start event
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("handle", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    publish(message2, "", Duration.ZERO, Map.of());

    // then
    assertNoJob(type);
  }

  @Test
  void shouldStartAnInstanceOnCorrelateAndAnswerWithIt() {
    // given
    String processId = unique("order");
    String message = unique("order-placed");
    String type = unique("fulfil");
    deploy(messageStarted(processId, message, type));

    // when
    CorrelateMessageResponse response =
        client
            .newCorrelateMessageCommand()
            .messageName(message)
            .correlationKey("order-1")
            .variables(Map.of("total", 10))
            .send()
            .join();

    // then
    ActivatedJob job = awaitJob(type);
    assertThat(response.getProcessInstanceKey()).isEqualTo(job.getProcessInstanceKey());
    assertThat(job.getVariablesAsMap()).containsEntry("total", 10);

    // when: again for the same key while the instance is active
    assertThatThrownBy(
            () ->
                client
                    .newCorrelateMessageCommand()
                    .messageName(message)
                    .correlationKey("order-1")
                    .send()
                    .join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void shouldSupportANoneAndAMessageStartEventInOneProcess() {
    // given
    String processId = unique("two-starts");
    String message = unique("kick-off");
    String type = unique("work");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("manual")
            .serviceTask("work", t -> t.zeebeJobType(type))
            .endEvent()
            .moveToProcess(processId)
            .startEvent("byMessage")
            .message(message)
            .connectTo("work")
            .done());

    // when
    long manual = start(processId, Map.of()).getProcessInstanceKey();
    publish(message, "", Duration.ZERO, Map.of());

    // then
    awaitInstances(processId, 2);
    long byMessage =
        instances(processId).stream()
            .mapToLong(ProcessInstance::getProcessInstanceKey)
            .filter(k -> k != manual)
            .findFirst()
            .orElseThrow();
    assertThat(startEventOf(manual)).isEqualTo("manual");
    assertThat(startEventOf(byMessage)).isEqualTo("byMessage");
  }

  private String startEventOf(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(
            f ->
                f.processInstanceKey(processInstanceKey)
                    .type(io.camunda.client.api.search.enums.ElementInstanceType.START_EVENT))
        .send()
        .join()
        .items()
        .get(0)
        .getElementId();
  }

  @Test
  void shouldNotHandTheStartingMessageToACatchEventOfTheSameInstance() {
    // given: started by a buffered message, the instance then waits for the same name and key
    String processId = unique("update-loop");
    String message = unique("updated");
    String type = unique("after-update");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .message(message)
            .intermediateCatchEvent(
                "next", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("id")))
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    publish(message, "u-1", Duration.ofHours(1), Map.of("id", "u-1"));
    awaitInstances(processId, 1);

    // then: the starting message is not taken again (also not by the scheduler's redelivery)
    assertNoJob(type);

    // when: the next message for the key (the active instance blocks a new start)
    publish(message, "u-1", Duration.ZERO, Map.of("round", 2));

    // then: it reaches the waiting catch event
    assertThat(awaitJob(type).getVariablesAsMap()).containsEntry("round", 2);
    assertThat(instances(processId)).hasSize(1);
  }

  @Test
  void shouldRejectCreatingAnInstanceWithoutNoneStartEvent() {
    // given
    String processId = unique("message-only");
    deploy(messageStarted(processId, unique("m"), unique("t")));

    // when / then
    assertThatThrownBy(() -> start(processId, Map.of()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("none start event");
            });
  }
}
