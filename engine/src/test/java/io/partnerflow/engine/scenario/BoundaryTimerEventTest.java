package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Timer boundary events on tasks, driven by the pinned clock. */
class BoundaryTimerEventTest extends ClockDrivenScenarioTest {

  @Autowired JdbcClient jdbc;

  private final Instant t0 = Instant.now().plus(Duration.ofDays(2));
  private final String processId = unique("boundary");
  private final String timeoutType = unique("timeout-path");
  private final String doneType = unique("done-path");

  record Row(String elementId, String state) {}

  private List<Row> history(long processInstanceKey) {
    return jdbc.sql(
            "SELECT element_id, state FROM engine.element_instance"
                + " WHERE process_instance_key = ? ORDER BY key")
        .param(processInstanceKey)
        .query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
        .list();
  }

  private List<String> timerStates(long processInstanceKey) {
    return jdbc.sql("SELECT state FROM engine.timer WHERE process_instance_key = ?")
        .param(processInstanceKey)
        .query(String.class)
        .list();
  }

  private UserTask task(long processInstanceKey) {
    List<UserTask> tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private BpmnModelInstance userTaskWithTimer(boolean interrupting) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .userTask("review", t -> t.zeebeUserTask())
        .boundaryEvent("timeout")
        .timerWithDuration("PT1H")
        .cancelActivity(interrupting)
        .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
        .endEvent("escalated")
        .moveToActivity("review")
        .endEvent("reviewed")
        .done();
  }

  private BpmnModelInstance serviceTaskWithTimer(String duration) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("work", t -> t.zeebeJobType(doneType))
        .boundaryEvent("timeout")
        .timerWithDuration(duration)
        .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
        .endEvent("escalated")
        .moveToActivity("work")
        .endEvent("worked")
        .done();
  }

  private static void assertProblem(Runnable call, int... statuses) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isIn(box(statuses)));
  }

  private static Integer[] box(int[] values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  @Test
  void interruptingTimerCancelsTheUserTaskAndTakesTheTimerPath() {
    // given
    pinClock(t0);
    deploy(userTaskWithTimer(true));
    long key = start(processId, Map.of()).getProcessInstanceKey();
    long taskKey = task(key).getUserTaskKey();

    // when: not due yet
    pinClock(t0.plus(Duration.ofMinutes(59)));

    // then
    assertNoJob(timeoutType);

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    ActivatedJob escalation = awaitJob(timeoutType);
    assertThat(escalation.getProcessInstanceKey()).isEqualTo(key);
    assertThat(task(key).getState()).isEqualTo(UserTaskState.CANCELED);
    assertProblem(() -> client.newCompleteUserTaskCommand(taskKey).send().join(), 409);
    client.newCompleteCommand(escalation).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .extracting(Row::elementId, Row::state)
        .containsExactly(
            tuple(processId, "COMPLETED"),
            tuple("start", "COMPLETED"),
            tuple("review", "TERMINATED"),
            tuple("timeout", "COMPLETED"),
            tuple("escalate", "COMPLETED"),
            tuple("escalated", "COMPLETED"));
    assertThat(timerStates(key)).containsExactly("TRIGGERED");
  }

  @Test
  void nonInterruptingTimerStartsANewTokenAndTheTaskStaysOpen() {
    // given
    pinClock(t0);
    deploy(userTaskWithTimer(false));
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then: the notification path runs to its end, the task still waits
    client.newCompleteCommand(awaitJob(timeoutType)).send().join();
    UserTask task = task(key);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(instance(key).getState()).isEqualTo(ProcessInstanceState.ACTIVE);

    // when
    client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();

    // then
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .extracting(Row::elementId, Row::state)
        .contains(
            tuple("review", "COMPLETED"),
            tuple("timeout", "COMPLETED"),
            tuple("escalated", "COMPLETED"),
            tuple("reviewed", "COMPLETED"));
  }

  @Test
  void interruptingTimerCancelsTheJobOfAServiceTask() {
    // given: a worker holds the job
    pinClock(t0);
    deploy(serviceTaskWithTimer("PT1H"));
    long key = start(processId, Map.of()).getProcessInstanceKey();
    ActivatedJob job = awaitJob(doneType);

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    ActivatedJob escalation = awaitJob(timeoutType);
    assertProblem(() -> client.newCompleteCommand(job).send().join(), 404, 409);
    assertProblem(() -> client.newFailCommand(job).retries(1).send().join(), 404, 409);
    client.newCompleteCommand(escalation).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    assertThat(history(key))
        .extracting(Row::elementId, Row::state)
        .contains(tuple("work", "TERMINATED"), tuple("escalated", "COMPLETED"))
        .doesNotContain(tuple("worked", "COMPLETED"));

    // and: after the job's time-out it is not activatable again
    pinClock(t0.plus(Duration.ofDays(1)));
    assertNoJob(doneType);
  }

  @Test
  void timerOfACompletedTaskNeverFires() {
    // given
    pinClock(t0);
    deploy(serviceTaskWithTimer("PT1H"));
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when: the task completes before the timer is due
    client.newCompleteCommand(awaitJob(doneType)).send().join();
    awaitState(key, ProcessInstanceState.COMPLETED);
    pinClock(t0.plus(Duration.ofHours(3)));

    // then
    assertNoJob(timeoutType);
    assertThat(timerStates(key)).containsExactly("CANCELED");
    assertThat(history(key)).extracting(Row::elementId).doesNotContain("timeout");
  }

  @Test
  void evaluatesAFeelDurationInTheTaskScope() {
    // given
    pinClock(t0);
    deploy(serviceTaskWithTimer("=duration(\"PT\" + string(hours) + \"H\")"));
    start(processId, Map.of("hours", 2));

    // when / then
    pinClock(t0.plus(Duration.ofHours(2)).minusSeconds(1));
    assertNoJob(timeoutType);
    pinClock(t0.plus(Duration.ofHours(2)));
    awaitJob(timeoutType);
  }

  @Test
  void firesADateTimerOnAReceiveTaskAndClosesItsSubscription() {
    // given
    String correlationKey = unique("order");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .receiveTask(
                "wait",
                r -> r.message(m -> m.name("signed").zeebeCorrelationKeyExpression("orderId")))
            .boundaryEvent("deadline")
            .timerWithDateExpression("date and time(deadline)")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .moveToActivity("wait")
            .endEvent()
            .done());
    long key =
        start(processId, Map.of("orderId", correlationKey, "deadline", "2097-05-01T10:00:00Z"))
            .getProcessInstanceKey();

    // when
    pinClock(Instant.parse("2097-05-01T10:00:00Z"));

    // then
    awaitJob(timeoutType);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM engine.message_subscription WHERE process_instance_key = ?"
                        + " AND state = 'WAITING'")
                .param(key)
                .query(Long.class)
                .single())
        .isZero();
  }

  private BpmnModelInstance userTaskWithCycle(String cycle, boolean interrupting) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .userTask("review", t -> t.zeebeUserTask())
        .boundaryEvent("remind")
        .timerWithCycle(cycle)
        .cancelActivity(interrupting)
        .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
        .endEvent("escalated")
        .moveToActivity("review")
        .endEvent("reviewed")
        .done();
  }

  @Test
  void nonInterruptingCycleFiresItsRepetitionsWhileTheTaskWaits() {
    // given
    pinClock(t0);
    deploy(userTaskWithCycle("R3/PT1H", false));
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when / then: once per hour, three times
    for (int hour = 1; hour <= 3; hour++) {
      pinClock(t0.plus(Duration.ofHours(hour)));
      ActivatedJob escalation = awaitJob(timeoutType);
      assertThat(escalation.getProcessInstanceKey()).isEqualTo(key);
      client.newCompleteCommand(escalation).send().join();
    }
    pinClock(t0.plus(Duration.ofHours(4)));
    assertNoJob(timeoutType);
    assertThat(task(key).getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(timerStates(key)).containsExactly("TRIGGERED", "TRIGGERED", "TRIGGERED");
  }

  @Test
  void unboundedCycleStopsWhenTheTaskCompletes() {
    // given: a FEEL cycle
    pinClock(t0);
    deploy(userTaskWithCycle("=\"R/PT\" + string(hours) + \"H\"", false));
    long key = start(processId, Map.of("hours", 2)).getProcessInstanceKey();
    pinClock(t0.plus(Duration.ofHours(2)));
    client.newCompleteCommand(awaitJob(timeoutType)).send().join();
    pinClock(t0.plus(Duration.ofHours(4)));
    client.newCompleteCommand(awaitJob(timeoutType)).send().join();

    // when
    client.newCompleteUserTaskCommand(task(key).getUserTaskKey()).send().join();

    // then
    pinClock(t0.plus(Duration.ofHours(6)));
    assertNoJob(timeoutType);
    assertThat(timerStates(key)).containsExactlyInAnyOrder("TRIGGERED", "TRIGGERED", "CANCELED");
  }

  @Test
  void rejectsAnInterruptingCycleAsCamundaDoes() {
    BpmnModelInstance model = userTaskWithCycle("R5/PT1H", true);

    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).containsIgnoringCase("cycle");
            });
  }

  @Test
  void cycleWithAStartFiresFirstAtTheStart() {
    // given
    pinClock(t0);
    Instant first =
        t0.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofMinutes(10));
    deploy(userTaskWithCycle("R2/" + first + "/PT1H", false));
    start(processId, Map.of());

    // when / then
    pinClock(first);
    client.newCompleteCommand(awaitJob(timeoutType)).send().join();
    pinClock(first.plus(Duration.ofMinutes(59)));
    assertNoJob(timeoutType);
    pinClock(first.plus(Duration.ofHours(1)));
    awaitJob(timeoutType);
  }

  @Test
  void rejectsAnInvalidStaticCycle() {
    BpmnModelInstance model = userTaskWithCycle("every hour", false);

    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.details().getDetail()).contains("remind").contains("time cycle");
            });
  }

  @Test
  void interruptingTimerOnASubProcessTerminatesItsContent() {
    // given
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .endEvent()
            .subProcessDone()
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("timeout")
            .timerWithDuration("PT1H")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();
    long taskKey = task(key).getUserTaskKey();

    // when
    pinClock(t0.plus(Duration.ofHours(1)));

    // then
    awaitJob(timeoutType);
    assertThat(task(key).getState()).isEqualTo(UserTaskState.CANCELED);
    assertProblem(() -> client.newCompleteUserTaskCommand(taskKey).send().join(), 409);
    assertThat(history(key))
        .extracting(Row::elementId, Row::state)
        .contains(
            tuple("sub", "TERMINATED"),
            tuple("review", "TERMINATED"),
            tuple("timeout", "COMPLETED"));
  }

  @Test
  void nonInterruptingCycleOnASubProcessKeepsItsContent() {
    // given
    pinClock(t0);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess("sub")
            .embeddedSubProcess()
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .endEvent()
            .subProcessDone()
            .endEvent()
            .moveToActivity("sub")
            .boundaryEvent("remind")
            .cancelActivity(false)
            .timerWithCycle("R/PT1H")
            .serviceTask("escalate", t -> t.zeebeJobType(timeoutType))
            .endEvent()
            .done());
    long key = start(processId, Map.of()).getProcessInstanceKey();

    // when
    pinClock(t0.plus(Duration.ofHours(1)));
    client.newCompleteCommand(awaitJob(timeoutType)).send().join();
    pinClock(t0.plus(Duration.ofHours(2)));
    client.newCompleteCommand(awaitJob(timeoutType)).send().join();
    client.newCompleteUserTaskCommand(task(key).getUserTaskKey()).send().join();

    // then: the sub-process completed and its cycle stopped
    awaitState(key, ProcessInstanceState.COMPLETED);
    pinClock(t0.plus(Duration.ofHours(3)));
    assertNoJob(timeoutType);
    assertThat(history(key))
        .extracting(Row::elementId, Row::state)
        .contains(tuple("sub", "COMPLETED"), tuple("review", "COMPLETED"));
  }
}
