package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Timer cycles as cron expressions (Spring's six fields, UTC), as Camunda 8 accepts them: on timer
 * start events and non-interrupting boundary events; refused at deployment where Camunda refuses a
 * cycle, and when the expression is not valid cron.
 */
class CronTimerTest extends ClockDrivenScenarioTest {

  /** A Friday at least three days ahead, 10:00 UTC. */
  private static LocalDate friday() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    while (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  private List<ProcessInstance> instances(String processId) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .send()
        .join()
        .items();
  }

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
  void shouldStartAnInstanceOnWeekdayMorningsOnly() {
    // given: deployed on a Friday at 10:00, "every weekday at 9:00"
    LocalDate friday = friday();
    pinClock(at(friday, 10));
    String processId = unique("weekday");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("mornings")
            .timerWithCycle("0 0 9 * * MON-FRI")
            .endEvent()
            .done());

    // when / then: nothing on Saturday or Sunday, one on Monday at 9:00, one more on Tuesday
    pinClock(at(friday.plusDays(1), 9).plusSeconds(1));
    awaitInstances(processId, 0);
    pinClock(at(friday.plusDays(2), 9).plusSeconds(1));
    awaitInstances(processId, 0);
    pinClock(at(friday.plusDays(3), 8).plus(Duration.ofMinutes(59)));
    awaitInstances(processId, 0);
    pinClock(at(friday.plusDays(3), 9).plusSeconds(1));
    awaitInstances(processId, 1);
    pinClock(at(friday.plusDays(4), 9).plusSeconds(1));
    awaitInstances(processId, 2);
  }

  @Test
  void shouldRemindOnEveryFullHourWhileTheTaskWaits() {
    // given: a user task with a non-interrupting boundary timer whose FEEL cycle gives a cron
    Instant t0 = at(friday(), 10).plus(Duration.ofMinutes(30));
    pinClock(t0);
    String processId = unique("hourly");
    String remind = unique("remind");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .boundaryEvent("reminder")
            .timerWithCycle("=schedule")
            .cancelActivity(false)
            .serviceTask("remind", t -> t.zeebeJobType(remind))
            .endEvent()
            .moveToActivity("review")
            .endEvent()
            .done());
    long instanceKey = start(processId, Map.of("schedule", "0 0 * * * *")).getProcessInstanceKey();

    // when / then: at 11:00 and 12:00, not before
    pinClock(t0.plus(Duration.ofMinutes(29)));
    assertNoJob(remind);
    for (int hour = 11; hour <= 12; hour++) {
      pinClock(t0.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(hour)));
      ActivatedJob job = awaitJob(remind);
      assertThat(job.getProcessInstanceKey()).isEqualTo(instanceKey);
      client.newCompleteCommand(job).send().join();
    }

    // when: the task is completed, the reminders stop
    UserTask task =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED))
            .send()
            .join()
            .singleItem();
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    pinClock(t0.plus(Duration.ofHours(5)));
    assertNoJob(remind);
  }

  @Test
  void shouldRefuseCronWhereCamundaRefusesACycleAndInvalidCron() {
    String processId = unique("refused");
    assertRefused(
        Bpmn.createExecutableProcess(processId)
            .startEvent("broken")
            .timerWithCycle("0 0 25 * * *")
            .endEvent()
            .done(),
        "broken");
    assertRefused(
        Bpmn.createExecutableProcess(processId)
            .startEvent("never")
            .timerWithCycle("0 0 0 30 2 *")
            .endEvent()
            .done(),
        "never");
    assertRefused(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithCycle("0 0 9 * * *"))
            .endEvent()
            .done(),
        "wait");
    assertRefused(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .boundaryEvent("timeout")
            .timerWithCycle("0 0 9 * * *")
            .cancelActivity(true)
            .endEvent()
            .moveToActivity("review")
            .endEvent()
            .done(),
        "timeout");
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  private void assertRefused(BpmnModelInstance model, String elementId) {
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains(elementId);
            });
  }
}
