package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intermediate timer catch events, driven by the pinned clock: nothing here waits for real. */
class TimerCatchEventTest extends ClockDrivenScenarioTest {

  private BpmnModelInstance durationTimer(String processId, String duration, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDuration(duration))
        .serviceTask("after", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private BpmnModelInstance dateTimer(String processId, String date, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDate(date))
        .serviceTask("after", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  @Test
  void shouldFireDurationTimerWhenTheClockPassesItsDueDate() {
    // given: the clock stands at t0, the timer is due at t0 + 1h
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String processId = unique("reminder");
    String type = unique("after-reminder");
    deploy(durationTimer(processId, "PT1H", type));
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when: 59 minutes later it is not due yet
    pinClock(t0.plus(Duration.ofMinutes(59)));

    // then
    assertNoJob(type);

    // when: one hour later
    pinClock(t0.plus(Duration.ofMinutes(60)));

    // then
    ActivatedJob job = awaitJob(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(key);
    client.newCompleteCommand(job).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldEvaluateDurationWithFeel() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String processId = unique("feel-duration");
    String type = unique("after-feel-duration");
    deploy(durationTimer(processId, "=duration(\"P\" + string(days) + \"D\")", type));
    start(processId, Map.of("days", 3));

    // when / then
    pinClock(t0.plus(Duration.ofDays(3)).minusSeconds(1));
    assertNoJob(type);
    pinClock(t0.plus(Duration.ofDays(3)));
    awaitJob(type);
  }

  @Test
  void shouldFireDateTimerAtItsDate() {
    // given
    String processId = unique("deadline");
    String type = unique("after-deadline");
    deploy(dateTimer(processId, "2099-03-01T09:00:00+01:00", type));
    start(processId, Map.of());
    assertNoJob(type);

    // when
    pinClock(Instant.parse("2099-03-01T08:00:00Z"));

    // then
    awaitJob(type);
  }

  @Test
  void shouldEvaluateDateWithFeel() {
    // given
    String processId = unique("feel-date");
    String type = unique("after-feel-date");
    deploy(dateTimer(processId, "=date and time(renewalDate)", type));
    start(processId, Map.of("renewalDate", "2098-06-30T12:00:00Z"));

    // when / then
    pinClock(Instant.parse("2098-06-30T11:59:59Z"));
    assertNoJob(type);
    pinClock(Instant.parse("2098-06-30T12:00:00Z"));
    awaitJob(type);
  }

  @Test
  void shouldFireDateInThePastAtOnce() {
    // given
    String processId = unique("overdue");
    String type = unique("after-overdue");
    deploy(dateTimer(processId, "2020-01-01T00:00:00Z", type));

    // when
    start(processId, Map.of());

    // then
    awaitJob(type);
  }

  @Test
  void shouldNotFireTimerOfCancelledInstance() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String processId = unique("cancelled-timer");
    String type = unique("after-cancelled-timer");
    deploy(durationTimer(processId, "PT10M", type));
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    client.newCancelInstanceCommand(key).send().join();
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    assertNoJob(type);
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
  }

  @Test
  void shouldRaiseIncidentWhenTimerValueIsInvalid() {
    // given
    String processId = unique("bad-timer");
    deploy(durationTimer(processId, "=wait", unique("after-bad-timer")));

    // when
    long key = start(processId, Map.of("wait", "soon")).getProcessInstanceKey();

    // then
    awaitIncident(key);
  }

  @Test
  void shouldScheduleTimerWhenItsIncidentIsResolved() {
    // given
    Instant t0 = Instant.now().plus(Duration.ofDays(1));
    pinClock(t0);
    String processId = unique("fixed-timer");
    String type = unique("after-fixed-timer");
    deploy(durationTimer(processId, "=wait", type));
    long key = start(processId, Map.of("wait", "soon")).getProcessInstanceKey();
    awaitIncident(key);
    long incidentKey =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .send()
            .join()
            .singleItem()
            .getIncidentKey();

    // when
    client.newSetVariablesCommand(key).variables(Map.of("wait", "PT2H")).send().join();
    client.newResolveIncidentCommand(incidentKey).send().join();

    // then: due two hours after the resolution
    pinClock(t0.plus(Duration.ofMinutes(119)));
    assertNoJob(type);
    pinClock(t0.plus(Duration.ofHours(2)));
    assertThat(awaitJob(type).getProcessInstanceKey()).isEqualTo(key);
  }

  @Test
  void shouldRejectTimeCycleAndInvalidStaticValuesAtDeployment() {
    // given
    BpmnModelInstance cycle =
        Bpmn.createExecutableProcess(unique("cycle"))
            .startEvent()
            .intermediateCatchEvent("every", e -> e.timerWithCycle("R3/PT1H"))
            .endEvent()
            .done();
    BpmnModelInstance badDuration = durationTimer(unique("bad-duration"), "PT", "x");
    BpmnModelInstance localDate = dateTimer(unique("local-date"), "2030-01-01T10:00:00", "x");

    // when / then
    Map<String, BpmnModelInstance> models =
        Map.of("every", cycle, "wait", badDuration, "wait ", localDate);
    models.forEach(
        (elementId, model) ->
            assertThatThrownBy(() -> deploy(model))
                .isInstanceOfSatisfying(
                    ProblemException.class,
                    e -> {
                      assertThat(e.code()).isEqualTo(400);
                      assertThat(e.details().getDetail()).contains(elementId.strip());
                    }));
  }
}
