package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.scenario.EngineScenarioTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two users complete the same user task at the same moment, round after round: one completion
 * succeeds, the other gets 409, and only the winner's variables reach the process.
 */
class UserTaskCompletionRaceTest extends EngineScenarioTest {

  private static final int ROUNDS = 30;

  private final List<CamundaClient> users = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void closeUsers() {
    threads.shutdownNow();
    users.forEach(CamundaClient::close);
  }

  /** How one user's completion went, with when it was sent and answered. */
  record Outcome(String user, int status, long sentAt, long answeredAt) {}

  @Test
  void shouldLetExactlyOneOfTwoSimultaneousCompletionsSucceed() throws Exception {
    // given: two users, each with a client of their own (no shared connection pool)
    String processId = unique("race-review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask())
            .endEvent()
            .done());
    for (int i = 0; i < 2; i++) {
      users.add(newClient(USERNAME, PASSWORD));
    }
    int overlapping = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long instanceKey = start(processId, Map.of()).getProcessInstanceKey();
      long taskKey = openTask(instanceKey).getUserTaskKey();

      // when: both complete the task once a barrier releases them together
      CyclicBarrier barrier = new CyclicBarrier(2);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int u = 0; u < 2; u++) {
        CamundaClient user = users.get(u);
        String name = u == 0 ? "alice" : "bob";
        futures.add(threads.submit(() -> complete(user, name, taskKey, barrier)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get(20, TimeUnit.SECONDS));
      }

      // then: one 204 and one 409
      assertThat(outcomes)
          .as("round %d", round)
          .extracting(Outcome::status)
          .containsExactlyInAnyOrder(204, 409);
      String winner =
          outcomes.stream().filter(o -> o.status() == 204).findFirst().orElseThrow().user();
      assertThat(instance(instanceKey).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState())
          .isEqualTo(UserTaskState.COMPLETED);
      // and: only the winner's variables were applied
      assertThat(
              client
                  .newVariableSearchRequest()
                  .filter(f -> f.processInstanceKey(instanceKey).name("completedBy"))
                  .send()
                  .join()
                  .singleItem()
                  .getValue())
          .isEqualTo("\"" + winner + "\"");
      if (bothInFlightAtOnce(outcomes)) {
        overlapping++;
      }
    }

    // and: the two requests really raced (both sent before either was answered) in most rounds
    assertThat(overlapping).as("rounds with both requests in flight").isGreaterThan(ROUNDS / 2);
  }

  private static Outcome complete(
      CamundaClient user, String name, long taskKey, CyclicBarrier barrier) throws Exception {
    barrier.await(10, TimeUnit.SECONDS);
    long sentAt = System.nanoTime();
    int status;
    try {
      user.newCompleteUserTaskCommand(taskKey).variables(Map.of("completedBy", name)).send().join();
      status = 204;
    } catch (ProblemException e) {
      status = e.code();
    }
    return new Outcome(name, status, sentAt, System.nanoTime());
  }

  private static boolean bothInFlightAtOnce(List<Outcome> outcomes) {
    long lastSent = Math.max(outcomes.get(0).sentAt(), outcomes.get(1).sentAt());
    long firstAnswered = Math.min(outcomes.get(0).answeredAt(), outcomes.get(1).answeredAt());
    return lastSent < firstAnswered;
  }

  private UserTask openTask(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(UserTaskState.CREATED))
        .send()
        .join()
        .singleItem();
  }
}
