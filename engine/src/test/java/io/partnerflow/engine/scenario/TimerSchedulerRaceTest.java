package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.command.ExpireMessagesCommand;
import io.partnerflow.engine.command.PendingSignals;
import io.partnerflow.engine.command.TriggerStartTimerCommand;
import io.partnerflow.engine.command.TriggerTimerCommand;
import io.partnerflow.engine.scheduling.EngineScheduler;
import io.partnerflow.engine.scheduling.SchedulerProperties;
import io.partnerflow.engine.state.PinnedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several schedulers (as on several nodes sharing the database) poll the same due timers at once:
 * every timer fires exactly once, and every timer start event starts exactly one instance.
 */
class TimerSchedulerRaceTest extends ClockDrivenScenarioTest {

  private static final int INSTANCES = 40;
  private static final int POLLERS = 6;

  @Autowired EngineScheduler scheduler;
  @Autowired SchedulerProperties properties;
  @Autowired TriggerTimerCommand triggerTimer;
  @Autowired TriggerStartTimerCommand triggerStartTimer;
  @Autowired ExpireMessagesCommand expireMessages;
  @Autowired PinnedClock pinnedClock;
  @Autowired PendingSignals pendingSignals;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldFireEachTimerExactlyOnceWhenSchedulersRace() throws Exception {
    // given: a clock far in the past, so that only this test's timers become due
    Instant t0 = Instant.parse("2001-01-01T00:00:00Z");
    pinClock(t0);
    String processId = unique("race");
    String type = unique("after-race");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDate("2001-01-01T00:00:30Z"))
            .serviceTask("after", t -> t.zeebeJobType(type))
            .endEvent()
            .done());
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(start(processId, Map.of()).getProcessInstanceKey());
    }
    // a second scheduler, as another node would run it (not started: the test drives it)
    EngineScheduler otherNode =
        new EngineScheduler(
            properties,
            triggerTimer,
            triggerStartTimer,
            expireMessages,
            pinnedClock,
            pendingSignals);
    long firedBefore = scheduler.firedTimers();

    // when: the clock passes the date while the background scheduler and six pollers on two
    // schedulers compete
    ExecutorService pool = Executors.newFixedThreadPool(POLLERS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> pollers = new ArrayList<>();
    for (int i = 0; i < POLLERS; i++) {
      EngineScheduler node = i % 2 == 0 ? scheduler : otherNode;
      pollers.add(
          pool.submit(
              () -> {
                go.await();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (timersInState(instances, "CREATED") > 0 && System.nanoTime() < deadline) {
                  node.pollOnce();
                }
                return null;
              }));
    }
    pinClock(t0.plus(Duration.ofMinutes(1)));
    go.countDown();
    for (Future<?> poller : pollers) {
      poller.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // then: every timer fired, and exactly once in total
    assertThat(timersInState(instances, "TRIGGERED")).isEqualTo(INSTANCES);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(scheduler.firedTimers() - firedBefore + otherNode.firedTimers())
                    .isEqualTo(INSTANCES));
    assertThat(otherNode.firedTimers()).isPositive();
    assertThat(jobsPerInstance(type)).hasSize(INSTANCES).allMatch(count -> count == 1);
  }

  @Test
  void shouldStartOneInstancePerTimerStartEventWhenSchedulersRace() throws Exception {
    // given: processes with a timer start event due in the past of a pinned clock
    Instant t0 = Instant.parse("2001-02-01T00:00:00Z");
    pinClock(t0);
    List<String> processIds = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String processId = unique("nightly-race");
      processIds.add(processId);
      deploy(
          Bpmn.createExecutableProcess(processId)
              .startEvent()
              .timerWithDate("2001-02-01T00:00:30Z")
              .endEvent()
              .done());
    }
    EngineScheduler otherNode =
        new EngineScheduler(
            properties,
            triggerTimer,
            triggerStartTimer,
            expireMessages,
            pinnedClock,
            pendingSignals);

    // when: the clock passes the date while two schedulers and six pollers compete
    ExecutorService pool = Executors.newFixedThreadPool(POLLERS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> pollers = new ArrayList<>();
    for (int i = 0; i < POLLERS; i++) {
      EngineScheduler node = i % 2 == 0 ? scheduler : otherNode;
      pollers.add(
          pool.submit(
              () -> {
                go.await();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (startTimersCreated(processIds) > 0 && System.nanoTime() < deadline) {
                  node.pollOnce();
                }
                return null;
              }));
    }
    pinClock(t0.plus(Duration.ofMinutes(1)));
    go.countDown();
    for (Future<?> poller : pollers) {
      poller.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // then: one instance per process
    assertThat(startTimersCreated(processIds)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM engine.process_instance WHERE bpmn_process_id = ANY (?)"
                        + " GROUP BY bpmn_process_id")
                .param(processIds.toArray(String[]::new))
                .query(Long.class)
                .list())
        .hasSize(processIds.size())
        .allMatch(count -> count == 1);
  }

  private long startTimersCreated(List<String> processIds) {
    return jdbc.sql(
            "SELECT count(*) FROM engine.start_timer WHERE state = 'CREATED'"
                + " AND bpmn_process_id = ANY (?)")
        .param(processIds.toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  private long timersInState(List<Long> instances, String state) {
    return jdbc.sql(
            "SELECT count(*) FROM engine.timer WHERE state = ? AND process_instance_key = ANY (?)")
        .params(state, instances.toArray(Long[]::new))
        .query(Long.class)
        .single();
  }

  private List<Long> jobsPerInstance(String type) {
    return jdbc.sql("SELECT count(*) FROM engine.job WHERE type = ? GROUP BY process_instance_key")
        .param(type)
        .query(Long.class)
        .list();
  }
}
