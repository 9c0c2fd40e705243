package io.partnerflow.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A restart in the middle of a listener: the listener's job was activated, the engine stops and a
 * new one starts on the same database. The job's activation times out, the listener runs again and
 * completes once; the element's own work and the next listener happen exactly once.
 */
class ListenerRestartTest {

  private final RestartableEngine engine =
      new RestartableEngine("listener_restart_" + UUID.randomUUID().toString().substring(0, 8));

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void shouldRunAnInterruptedExecutionListenerAgainExactlyOnceAfterARestart() {
    // given: a task with a start and an end listener; the start listener's job is activated
    CamundaClient client = engine.start();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("onboarding")
                .startEvent("start")
                .serviceTask(
                    "work",
                    t ->
                        t.zeebeJobType("work")
                            .zeebeStartExecutionListener("check")
                            .zeebeEndExecutionListener("notify"))
                .endEvent("end")
                .done(),
            "onboarding.bpmn")
        .send()
        .join();
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("onboarding")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    ActivatedJob interrupted = awaitJob(client, "check", Duration.ofSeconds(2));

    // when: the engine restarts while the worker holds the listener's job
    engine.stop();
    client = engine.start();

    // then: nothing moved on meanwhile; after the activation's time-out the same job comes again
    assertThat(activate(client, "work", Duration.ofMillis(300), Duration.ofMinutes(1))).isEmpty();
    ActivatedJob again = awaitJob(client, "check", Duration.ofMinutes(1));
    assertThat(again.getKey()).isEqualTo(interrupted.getKey());
    client.newCompleteCommand(again).variables(Map.of("checks", 1)).send().join();

    // and: the task's job and the end listener come once each
    ActivatedJob work = awaitJob(client, "work", Duration.ofMinutes(1));
    assertThat(work.getVariablesAsMap()).containsEntry("checks", 1);
    client.newCompleteCommand(work).send().join();
    client.newCompleteCommand(awaitJob(client, "notify", Duration.ofMinutes(1))).send().join();
    CamundaClient current = client;
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(current.newProcessInstanceGetRequest(key).send().join().getState())
                    .isEqualTo(ProcessInstanceState.COMPLETED));
    assertThat(activate(client, "check", Duration.ofMillis(300), Duration.ofMinutes(1))).isEmpty();
    assertThat(activate(client, "work", Duration.ofMillis(300), Duration.ofMinutes(1))).isEmpty();
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(key))
                .send()
                .join()
                .items())
        .extracting(ElementInstance::getElementId)
        .containsExactlyInAnyOrder("start", "work", "end")
        .hasSize(3);
  }

  @Test
  void shouldRunAnInterruptedTaskListenerAgainExactlyOnceAfterARestart() {
    // given: an assignment waits for its assigning listener, whose job is activated
    CamundaClient client = engine.start();
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("review")
                .startEvent()
                .userTask(
                    "check",
                    t -> t.zeebeUserTask().zeebeTaskListener(l -> l.assigning().type("audit")))
                .endEvent()
                .done(),
            "review.bpmn")
        .send()
        .join();
    long key =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("review")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    CamundaClient first = client;
    long taskKey =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    first
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(key))
                        .send()
                        .join()
                        .items(),
                items -> items.size() == 1)
            .get(0)
            .getUserTaskKey();
    client.newAssignUserTaskCommand(taskKey).assignee("erin").send(); // answered after listener
    ActivatedJob interrupted = awaitJob(client, "audit", Duration.ofSeconds(2));

    // when: the engine restarts
    engine.stop();
    client = engine.start();

    // then: the task is still ASSIGNING; the listener's job comes again and completes once
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.ASSIGNING);
    ActivatedJob again = awaitJob(client, "audit", Duration.ofMinutes(1));
    assertThat(again.getKey()).isEqualTo(interrupted.getKey());
    assertThat(again.getUserTask().getAssignee()).isEqualTo("erin");
    client.newCompleteCommand(again).send().join();
    UserTask task = client.newUserTaskGetRequest(taskKey).send().join();
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getAssignee()).isEqualTo("erin");
    assertThat(activate(client, "audit", Duration.ofMillis(300), Duration.ofMinutes(1))).isEmpty();

    // and: the old activation's completion is refused, nothing runs twice
    CamundaClient current = client;
    assertThatThrownBy(() -> current.newCompleteCommand(interrupted.getKey()).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(409));
    client.newCompleteUserTaskCommand(taskKey).send().join();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(current.newProcessInstanceGetRequest(key).send().join().getState())
                    .isEqualTo(ProcessInstanceState.COMPLETED));
  }

  static List<ActivatedJob> activate(
      CamundaClient client, String type, Duration wait, Duration timeout) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(5)
        .timeout(timeout)
        .requestTimeout(wait)
        .send()
        .join()
        .getJobs();
  }

  static ActivatedJob awaitJob(CamundaClient client, String type, Duration timeout) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              jobs.addAll(activate(client, type, Duration.ofSeconds(2), timeout));
              return !jobs.isEmpty();
            });
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }
}
