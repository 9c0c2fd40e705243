package io.partnerflow.engine.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.partnerflow.engine.scenario.EngineScenarioTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user completes a task while an operator migrates its instance, at the same moment, round after
 * round. Both take the instance lock, so one runs wholly before the other: migration first — the
 * completion then completes the migrated task and the instance goes on in the target; completion
 * first — the instance has ended and the migration gets 409. Never a mix of both definitions.
 */
class MigrationRaceTest extends EngineScenarioTest {

  private static final int ROUNDS = 20;

  private final List<CamundaClient> clients = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() {
    threads.shutdownNow();
    clients.forEach(CamundaClient::close);
  }

  @Test
  void shouldRunACompletionAndAMigrationOneAfterTheOther() throws Exception {
    // given: v1 ends after the review; v2 has a service task after it
    String processId = unique("race-migration");
    String after = unique("after");
    long v1 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("review", t -> t.zeebeUserTask())
                .endEvent()
                .done());
    long v2 =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("review", t -> t.zeebeUserTask())
                .serviceTask("after", t -> t.zeebeJobType(after))
                .endEvent()
                .done());
    CamundaClient user = newClient(USERNAME, PASSWORD);
    CamundaClient operator = newClient(USERNAME, PASSWORD);
    clients.add(user);
    clients.add(operator);
    int migratedFirst = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long instanceKey =
          client
              .newCreateInstanceCommand()
              .processDefinitionKey(v1)
              .send()
              .join()
              .getProcessInstanceKey();
      long taskKey = openTask(instanceKey).getUserTaskKey();

      // when: both requests leave together
      CyclicBarrier barrier = new CyclicBarrier(2);
      Future<Integer> completion =
          threads.submit(
              status(barrier, () -> user.newCompleteUserTaskCommand(taskKey).send().join()));
      Future<Integer> migration =
          threads.submit(
              status(
                  barrier,
                  () ->
                      operator
                          .newMigrateProcessInstanceCommand(instanceKey)
                          .migrationPlan(v2)
                          .addMappingInstruction("review", "review")
                          .send()
                          .join()));
      int completed = completion.get(20, TimeUnit.SECONDS);
      int migrated = migration.get(20, TimeUnit.SECONDS);

      // then: the task is completed either way; the instance is wholly in one definition
      assertThat(completed).as("round %d completion", round).isEqualTo(204);
      assertThat(migrated).as("round %d migration", round).isIn(204, 409);
      UserTask task = client.newUserTaskGetRequest(taskKey).send().join();
      assertThat(task.getState()).isEqualTo(UserTaskState.COMPLETED);
      ProcessInstance instance = instance(instanceKey);
      if (migrated == 204) {
        migratedFirst++;
        assertThat(instance.getProcessDefinitionKey()).isEqualTo(v2);
        assertThat(task.getProcessDefinitionKey()).isEqualTo(v2);
        assertThat(instance.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
        assertThat(activeElements(instanceKey)).containsExactly("after");
      } else {
        assertThat(instance.getProcessDefinitionKey()).isEqualTo(v1);
        assertThat(task.getProcessDefinitionKey()).isEqualTo(v1);
        assertThat(instance.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
      }
    }
    System.out.printf("migration won %d of %d rounds%n", migratedFirst, ROUNDS);
  }

  private UserTask openTask(long instanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED))
        .send()
        .join()
        .singleItem();
  }

  private List<String> activeElements(long instanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(ElementInstanceState.ACTIVE))
        .send()
        .join()
        .items()
        .stream()
        .map(ElementInstance::getElementId)
        .toList();
  }

  /** Runs the call once the barrier releases it; its HTTP status (204, or the problem's). */
  private static Callable<Integer> status(CyclicBarrier barrier, Runnable call) {
    return () -> {
      barrier.await(10, TimeUnit.SECONDS);
      try {
        call.run();
        return 204;
      } catch (ProblemException e) {
        return e.code();
      }
    };
  }
}
