package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timer start events (timeDate, timeCycle), driven by the pinned clock. */
class TimerStartEventTest extends ClockDrivenScenarioTest {

  private final Instant t0 = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

  private BpmnModelInstance dateStarted(String processId, Instant date) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("atDate")
        .timerWithDate(date.toString())
        .endEvent()
        .done();
  }

  private BpmnModelInstance cycleStarted(String processId, String cycle) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("every")
        .timerWithCycle(cycle)
        .endEvent()
        .done();
  }

  private BpmnModelInstance noneStarted(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent().endEvent().done();
  }

  private List<ProcessInstance> instances(String processId) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .send()
        .join()
        .items();
  }

  /** Waits until the process has {@code count} instances, then checks that it stays there. */
  private void awaitInstances(String processId, int count) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(instances(processId)).hasSize(count));
    try {
      Thread.sleep(600); // several scheduler polls: nothing more may fire
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(instances(processId)).hasSize(count);
  }

  @Test
  void shouldStartAnInstanceAtTheDate() {
    // given
    pinClock(t0);
    String processId = unique("at-date");
    deploy(dateStarted(processId, t0.plus(Duration.ofHours(1))));

    // when / then
    pinClock(t0.plus(Duration.ofMinutes(59)));
    awaitInstances(processId, 0);
    pinClock(t0.plus(Duration.ofHours(1)));
    awaitInstances(processId, 1);
    pinClock(t0.plus(Duration.ofDays(2)));
    awaitInstances(processId, 1);
  }

  @Test
  void shouldStartAnInstancePerRepetitionOfABoundedCycle() {
    // given
    pinClock(t0);
    String processId = unique("three-times");
    deploy(cycleStarted(processId, "R3/PT1H"));

    // when / then: one instance an hour, three in all
    awaitInstances(processId, 0);
    for (int hour = 1; hour <= 3; hour++) {
      pinClock(t0.plus(Duration.ofHours(hour)));
      awaitInstances(processId, hour);
    }
    pinClock(t0.plus(Duration.ofHours(10)));
    awaitInstances(processId, 3);
  }

  @Test
  void shouldCancelTheTimerOfTheOldVersionWhenANewOneIsDeployed() {
    // given: an unbounded cycle that fired twice
    pinClock(t0);
    String processId = unique("hourly");
    deploy(cycleStarted(processId, "R/PT1H"));
    pinClock(t0.plus(Duration.ofHours(1)));
    awaitInstances(processId, 1);
    pinClock(t0.plus(Duration.ofHours(2)));
    awaitInstances(processId, 2);

    // when: version 2 fires every two hours (from its deployment)
    deploy(cycleStarted(processId, "R/PT2H"));
    pinClock(t0.plus(Duration.ofHours(3)));

    // then: version 1 does not fire any more
    awaitInstances(processId, 2);
    pinClock(t0.plus(Duration.ofHours(4)));
    awaitInstances(processId, 3);
    assertThat(instances(processId))
        .extracting(ProcessInstance::getProcessDefinitionVersion)
        .containsExactlyInAnyOrder(1, 1, 2);

    // when: version 3 has no timer start event
    deploy(noneStarted(processId));
    pinClock(t0.plus(Duration.ofHours(8)));

    // then
    awaitInstances(processId, 3);
  }

  @Test
  void shouldStartAtTheCycleStartDateThenRepeat() {
    // given
    pinClock(t0);
    String processId = unique("from-date");
    Instant first = t0.plus(Duration.ofDays(1));
    deploy(cycleStarted(processId, "R2/" + first + "/P1D"));

    // when / then
    pinClock(first.minusSeconds(1));
    awaitInstances(processId, 0);
    pinClock(first);
    awaitInstances(processId, 1);
    pinClock(first.plus(Duration.ofDays(1)));
    awaitInstances(processId, 2);
    pinClock(first.plus(Duration.ofDays(5)));
    awaitInstances(processId, 2);
  }

  @Test
  void shouldCombineANoneAndATimerStartEvent() {
    // given
    pinClock(t0);
    String processId = unique("manual-or-nightly");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("manual")
            .endEvent("done")
            .moveToProcess(processId)
            .startEvent("nightly")
            .timerWithDate(t0.plus(Duration.ofHours(12)).toString())
            .connectTo("done")
            .done());

    // when
    start(processId, Map.of());
    pinClock(t0.plus(Duration.ofHours(12)));

    // then
    awaitInstances(processId, 2);
  }

  @Test
  void shouldRejectTimersItCannotScheduleAtDeployment() {
    for (BpmnModelInstance model :
        List.of(
            Bpmn.createExecutableProcess(unique("duration"))
                .startEvent("bad")
                .timerWithDuration("PT1H")
                .endEvent()
                .done(),
            cycleStarted(unique("cron"), "0 0 25 * * MON"),
            cycleStarted(unique("feel"), "=cycle(duration(\"PT1H\"))"))) {
      assertThatThrownBy(
              () ->
                  client.newDeployResourceCommand().addProcessModel(model, "m.bpmn").send().join())
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.code()).isEqualTo(400);
                assertThat(e.details().getDetail()).containsIgnoringCase("timer start event");
              });
    }
  }
}
