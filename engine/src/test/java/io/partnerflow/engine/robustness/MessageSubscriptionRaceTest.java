package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.scenario.EngineScenarioTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A message published (with a time-to-live) while the instance that waits for it is being started
 * and opens its subscription correlates exactly once, round after round: the process has two catch
 * events of the same message name and correlation key in a row, so a lost message leaves the first
 * waiting and a message used twice completes the second as well.
 */
class MessageSubscriptionRaceTest extends EngineScenarioTest {

  private static final int ROUNDS = 30;

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void shouldCorrelateAMessagePublishedWhileTheSubscriptionOpensExactlyOnce() throws Exception {
    // given
    String processId = unique("race-message");
    String message = unique("signed");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "first", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("key")))
            .intermediateCatchEvent(
                "second", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("key")))
            .endEvent()
            .done());
    List<Long> instances = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String key = unique("contract");
      CyclicBarrier barrier = new CyclicBarrier(2);

      // when: the instance starts and the message is published at the same moment; the
      // publication is held back a millisecond more each round (starting an instance takes longer
      // than publishing), so that the rounds sweep across the interleavings of the two
      long publishDelay = round;
      Future<Long> started =
          threads.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return start(processId, Map.of("key", key)).getProcessInstanceKey();
              });
      Future<Long> published =
          threads.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                pause(publishDelay);
                return client
                    .newPublishMessageCommand()
                    .messageName(message)
                    .correlationKey(key)
                    .timeToLive(Duration.ofHours(1))
                    .variables(Map.of("received", "first"))
                    .send()
                    .join()
                    .getMessageKey();
              });
      long instanceKey = started.get(20, TimeUnit.SECONDS);
      published.get(20, TimeUnit.SECONDS);
      instances.add(instanceKey);
      keys.add(key);
      String inRound = "round " + round;

      // then: the first catch event took the message (not lost) ...
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(state(instanceKey, "first"))
                      .as(inRound)
                      .containsExactly(ElementInstanceState.COMPLETED));
      // ... and the second waits (not used twice)
      assertThat(state(instanceKey, "second"))
          .as(inRound)
          .containsExactly(ElementInstanceState.ACTIVE);
    }

    System.out.println("MessageSubscriptionRaceTest: " + orders(instances));

    // and: each second catch event still waits for a message of its own: correlating one (never
    // buffered, 404 when nothing waits) reaches exactly that instance, which then completes with
    // the second message's variables (had the first message been taken twice, it would have
    // completed with "first", or correlating would have found no subscription)
    for (int round = 0; round < ROUNDS; round++) {
      long correlatedTo =
          client
              .newCorrelateMessageCommand()
              .messageName(message)
              .correlationKey(keys.get(round))
              .variables(Map.of("received", "second"))
              .send()
              .join()
              .getProcessInstanceKey();
      long instanceKey = instances.get(round);
      assertThat(correlatedTo).isEqualTo(instanceKey);
      awaitState(instanceKey, ProcessInstanceState.COMPLETED);
      assertThat(
              client
                  .newVariableSearchRequest()
                  .filter(f -> f.processInstanceKey(instanceKey).name("received"))
                  .send()
                  .join()
                  .singleItem()
                  .getValue())
          .isEqualTo("\"second\"");
    }
  }

  @Test
  void shouldDeliverToASubscriptionOpenedWhileTheOneTheMessageWasClaimedForCloses()
      throws Exception {
    // given: an instance waiting for a message
    String processId = unique("race-handover");
    String message = unique("countersigned");
    String key = unique("contract");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "wait", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("key")))
            .endEvent()
            .done());
    long first = start(processId, Map.of("key", key)).getProcessInstanceKey();
    try (Connection longCommand = dataSource.getConnection()) {
      // and: a long command on it (emulated: this test's transaction holds its row lock)
      longCommand.setAutoCommit(false);
      try (PreparedStatement lock =
          longCommand.prepareStatement(
              "SELECT key FROM engine.process_instance WHERE key = ? FOR UPDATE")) {
        lock.setLong(1, first);
        lock.executeQuery().close();
      }

      // when: the instance is cancelled (queued behind the long command) ...
      CamundaFuture<?> cancelled = client.newCancelInstanceCommand(first).send();
      awaitSessionsWaitingForLocks(1);
      // ... the message is published: it is claimed for the process of the waiting subscription,
      // whose delivery queues behind the cancellation ...
      CamundaFuture<?> published =
          client
              .newPublishMessageCommand()
              .messageName(message)
              .correlationKey(key)
              .timeToLive(Duration.ofHours(1))
              .send();
      awaitSessionsWaitingForLocks(2);
      // ... and a second instance opens a subscription for the claimed message meanwhile
      long second = start(processId, Map.of("key", key)).getProcessInstanceKey();
      longCommand.commit();
      cancelled.join();
      published.join();

      // then: the cancelled instance's subscription is gone, so the second instance takes it
      awaitState(second, ProcessInstanceState.COMPLETED);
      assertThat(instance(first).getState()).isEqualTo(ProcessInstanceState.TERMINATED);
    }
  }

  private void awaitSessionsWaitingForLocks(int sessions) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                + " AND datname = current_database()")
                        .query(Long.class)
                        .single()
                    >= sessions);
  }

  /**
   * Subscriptions opened before / after their message was published (which order the race took).
   */
  private String orders(List<Long> instances) {
    return jdbc.sql(
            "SELECT count(*) FILTER (WHERE s.created < m.published) || ' subscription first, '"
                + " || count(*) FILTER (WHERE s.created >= m.published) || ' message first'"
                + " FROM engine.message_subscription s JOIN engine.message m ON m.key = s.message_key"
                + " WHERE s.element_id = 'first' AND s.process_instance_key IN (:keys)")
        .param("keys", instances)
        .query(String.class)
        .single();
  }

  private static void pause(long millis) {
    if (millis > 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }
  }

  private List<ElementInstanceState> state(long processInstanceKey, String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId))
        .send()
        .join()
        .items()
        .stream()
        .map(ElementInstance::getState)
        .toList();
  }
}
