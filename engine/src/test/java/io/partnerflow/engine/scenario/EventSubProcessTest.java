package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import io.camunda.zeebe.model.bpmn.builder.StartEventBuilder;
import io.camunda.zeebe.model.bpmn.builder.SubProcessBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Event sub-processes (timer, message, error start) in the process and in sub-processes. */
class EventSubProcessTest extends ScopeScenarioTest {

  private final Instant t0 = Instant.now().plus(Duration.ofDays(3));
  private final String processId = unique("event-sub");
  private final String mainType = unique("main");
  private final String eventType = unique("event");
  private final String afterType = unique("after");
  private final String message = unique("notice");
  private final String orderId = unique("order");

  /** start → main task → end, with one event sub-process (start → event task → end). */
  private void deployWithEventSubProcess(Consumer<StartEventBuilder> start) {
    ProcessBuilder process = Bpmn.createExecutableProcess(processId);
    process
        .eventSubProcess(
            "handler",
            s -> {
              StartEventBuilder builder = s.startEvent("handlerStart");
              start.accept(builder);
              builder
                  .serviceTask("eventTask", t -> t.zeebeJobType(eventType))
                  .endEvent("handlerEnd");
            })
        .startEvent("start")
        .serviceTask("main", t -> t.zeebeJobType(mainType))
        .endEvent("end");
    deploy(process.done());
  }

  @Test
  void nonInterruptingTimerRunsBesideTheProcessWhichWaitsForBoth() {
    // given
    pinClock(t0);
    deployWithEventSubProcess(s -> s.interrupting(false).timerWithDuration("PT1H"));
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob main = awaitJob(mainType);

    // when
    pinClock(t0.plus(Duration.ofHours(1)));
    ActivatedJob event = awaitJob(eventType);

    // then: both run; the process completes when both have ended
    client.newCompleteCommand(main).send().join();
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    client.newCompleteCommand(event).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .contains(
            "main COMPLETED",
            "handler COMPLETED",
            "handlerStart COMPLETED",
            "eventTask COMPLETED",
            "handlerEnd COMPLETED");
  }

  @Test
  void interruptingTimerTerminatesTheRestAndCompletesTheProcessAfterIt() {
    // given
    pinClock(t0);
    deployWithEventSubProcess(s -> s.timerWithDuration("PT1H"));
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob main = awaitJob(mainType);

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    ActivatedJob event = awaitJob(eventType);
    assertThat(history(key)).contains("main TERMINATED", "handler ACTIVE");
    assertThatThrownBy(() -> client.newCompleteCommand(main).send().join())
        .isInstanceOf(ProblemException.class);
    client.newCompleteCommand(event).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key)).contains("handler COMPLETED").doesNotContain("end COMPLETED");
  }

  @Test
  void nonInterruptingTimerCycleFiresUntilTheScopeEnds() {
    // given
    pinClock(t0);
    deployWithEventSubProcess(s -> s.interrupting(false).timerWithCycle("R/PT1H"));
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob main = awaitJob(mainType);

    // when: two occurrences, then the process's work ends
    pinClock(t0.plus(Duration.ofHours(1)));
    client.newCompleteCommand(awaitJob(eventType)).send().join();
    pinClock(t0.plus(Duration.ofHours(2)));
    client.newCompleteCommand(awaitJob(eventType)).send().join();
    client.newCompleteCommand(main).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    pinClock(t0.plus(Duration.ofHours(3)));
    assertNoJob(eventType);
    assertThat(history(key).stream().filter("handler COMPLETED"::equals)).hasSize(2);
  }

  @Test
  void interruptingMessageStartTakesItsVariables() {
    // given
    deployWithEventSubProcess(
        s -> s.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")));
    long key = start(processId, Map.of("orderId", orderId)).getProcessInstanceKey();
    awaitJob(mainType);

    // when
    client
        .newPublishMessageCommand()
        .messageName(message)
        .correlationKey(orderId)
        .variables(Map.of("reason", "withdrawn"))
        .send()
        .join();

    // then
    ActivatedJob event = awaitJob(eventType);
    assertThat(event.getVariablesAsMap()).containsEntry("reason", "withdrawn");
    assertThat(history(key)).contains("main TERMINATED");
    client.newCompleteCommand(event).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void nonInterruptingMessageStartRunsForEveryMessage() {
    // given
    deployWithEventSubProcess(
        s ->
            s.interrupting(false)
                .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")));
    long key = start(processId, Map.of("orderId", orderId)).getProcessInstanceKey();
    ActivatedJob main = awaitJob(mainType);

    // when
    for (int i = 0; i < 2; i++) {
      client.newPublishMessageCommand().messageName(message).correlationKey(orderId).send().join();
      client.newCompleteCommand(awaitJob(eventType)).send().join();
    }
    client.newCompleteCommand(main).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key).stream().filter("handler COMPLETED"::equals)).hasSize(2);
  }

  @Test
  void errorStartCatchesAJobError() {
    // given
    deployWithEventSubProcess(s -> s.error("REJECTED"));
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client
        .newThrowErrorCommand(awaitJob(mainType))
        .errorCode("REJECTED")
        .variables(Map.of("why", "blocked"))
        .send()
        .join();

    // then
    ActivatedJob event = awaitJob(eventType);
    assertThat(event.getVariablesAsMap()).containsEntry("why", "blocked");
    assertThat(history(key)).contains("main TERMINATED", "handlerStart COMPLETED");
    client.newCompleteCommand(event).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void errorEventSubProcessOfASubProcessCatchesItsErrorAndTheSubProcessCompletes() {
    // given
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                (SubProcessBuilder s) ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "handler",
                            e ->
                                e.startEvent("handlerStart")
                                    .error()
                                    .serviceTask("eventTask", t -> t.zeebeJobType(eventType))
                                    .endEvent()))
            .embeddedSubProcess()
            .startEvent()
            .endEvent("fail", e -> e.error("ANY"))
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client.newCompleteCommand(awaitJob(eventType)).send().join();

    // then: the sub-process completed after its event sub-process and the token goes on
    client.newCompleteCommand(awaitJob(afterType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .contains("sub COMPLETED", "fail TERMINATED", "handler COMPLETED", "after COMPLETED");
  }

  @Test
  void timerOfAnEventSubProcessInASubProcessStopsWhenTheSubProcessEnds() {
    // given
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                (SubProcessBuilder s) ->
                    s.embeddedSubProcess()
                        .eventSubProcess(
                            "handler",
                            e ->
                                e.startEvent("handlerStart")
                                    .timerWithDuration("PT1H")
                                    .serviceTask("eventTask", t -> t.zeebeJobType(eventType))
                                    .endEvent()))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("main", t -> t.zeebeJobType(mainType))
            .endEvent()
            .subProcessDone()
            .serviceTask("after", t -> t.zeebeJobType(afterType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client.newCompleteCommand(awaitJob(mainType)).send().join();
    awaitJob(afterType);

    // then
    pinClock(t0.plus(Duration.ofHours(2)));
    assertNoJob(eventType);
    assertThat(history(key)).contains("sub COMPLETED").doesNotContain("handler ACTIVE");
  }
}
