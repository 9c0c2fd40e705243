package io.partnerflow.app.tasklist;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/** Processes with one user task, started on the embedded engine through the real client. */
public final class TaskFixtures {

  private final CamundaClient client;

  public TaskFixtures(CamundaClient client) {
    this.client = client;
  }

  /** Deploys a fresh process whose single task goes to {@code group}, with the smoke form. */
  public String deployReviewProcess(String group) throws Exception {
    byte[] form =
        new ClassPathResource("models-test/modeling-smoke.form").getInputStream().readAllBytes();
    client.newDeployResourceCommand().addResourceBytes(form, "modeling-smoke.form").send().join();
    return deployProcessWithForm(group, "modeling-smoke");
  }

  /**
   * Deploys a fresh process whose single task goes to {@code group} and links the form {@code
   * formId}, which must be deployed already (e.g. one of forms/, deployed at start).
   */
  public String deployProcessWithForm(String group, String formId) {
    String processId = "tasklist-" + UUID.randomUUID().toString().substring(0, 8);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("review")
            .name("Review " + processId)
            .zeebeUserTask()
            .zeebeCandidateGroups(group)
            .zeebeFormId(formId)
            .zeebeDueDate("=now() + duration(\"P3D\")")
            .endEvent()
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    return processId;
  }

  /** Starts an instance and waits until its task is open; returns the task key. */
  public long startAndAwaitTask(String processId, Map<String, Object> variables)
      throws InterruptedException {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(giveUp)) {
      var tasks =
          client
              .newUserTaskSearchRequest()
              .filter(filter -> filter.processInstanceKey(instance).state(UserTaskState.CREATED))
              .send()
              .join()
              .items();
      if (!tasks.isEmpty()) {
        return tasks.get(0).getUserTaskKey();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No open task for instance " + instance);
  }

  public UserTaskState stateOf(long taskKey) {
    return client.newUserTaskGetRequest(taskKey).send().join().getState();
  }
}
