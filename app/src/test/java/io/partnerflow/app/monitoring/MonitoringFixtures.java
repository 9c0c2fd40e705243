package io.partnerflow.app.monitoring;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Processes for the console's tests, driven through the real client: a service task whose job the
 * test fails or completes itself (no worker runs for its type), and a user task that waits.
 */
public final class MonitoringFixtures {

  private final CamundaClient client;

  public MonitoringFixtures(CamundaClient client) {
    this.client = client;
  }

  /** A fresh process: start → service task "charge" (job type = process id) → end. */
  public String deployServiceProcess() {
    String processId = "monitor-" + UUID.randomUUID().toString().substring(0, 8);
    deploy(
        Bpmn.createExecutableProcess(processId)
            .name("Monitor " + processId)
            .startEvent("start")
            .serviceTask("charge")
            .name("Charge")
            .zeebeJobType(processId)
            .endEvent("end")
            .done(),
        processId);
    return processId;
  }

  /** Version 1 of a process waiting in user task "review". */
  public String deployReviewProcess() {
    String processId = "monitor-mig-" + UUID.randomUUID().toString().substring(0, 8);
    deployReviewVersion(processId, false);
    return processId;
  }

  /** Another version of {@link #deployReviewProcess}: with a check after the review or without. */
  public long deployReviewVersion(String processId, boolean withCheck) {
    var builder =
        Bpmn.createExecutableProcess(processId)
            .name("Monitor " + processId)
            .startEvent("start")
            .userTask("review")
            .name("Review")
            .zeebeUserTask();
    BpmnModelInstance model =
        withCheck
            ? builder.manualTask("check").name("Check").endEvent("end").done()
            : builder.endEvent("end").done();
    return deploy(model, processId);
  }

  public long start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /** Activates the process's job (its type is the process id), waiting until one is there. */
  public ActivatedJob activate(String processId) {
    return activate(processId, null);
  }

  /**
   * Activates the job of one instance (any instance's when null); jobs of other instances that come
   * along are handed back at once, retries unchanged.
   */
  public ActivatedJob activate(String processId, Long instance) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(giveUp)) {
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(processId)
              .maxJobsToActivate(20)
              .requestTimeout(Duration.ofSeconds(2))
              .send()
              .join()
              .getJobs();
      ActivatedJob found = null;
      for (ActivatedJob job : jobs) {
        if (found == null && (instance == null || job.getProcessInstanceKey() == instance)) {
          found = job;
        } else {
          client.newFailCommand(job.getKey()).retries(job.getRetries()).send().join();
        }
      }
      if (found != null) {
        return found;
      }
    }
    throw new AssertionError("No job of type " + processId + " for instance " + instance);
  }

  /** Starts an instance whose job fails with no retries left: an open incident. */
  public long startWithIncident(String processId, String errorMessage) {
    long instance = start(processId, Map.of("amount", 42));
    ActivatedJob job = activate(processId, instance);
    client.newFailCommand(job.getKey()).retries(0).errorMessage(errorMessage).send().join();
    await(() -> hasIncident(instance), "an incident on " + instance);
    return instance;
  }

  /** Waits until an element instance of {@code elementId} is active in the instance. */
  public void awaitActive(long instance, String elementId) {
    await(
        () ->
            !client
                .newElementInstanceSearchRequest()
                .filter(
                    filter ->
                        filter
                            .processInstanceKey(instance)
                            .elementId(elementId)
                            .state(ElementInstanceState.ACTIVE))
                .send()
                .join()
                .items()
                .isEmpty(),
        elementId + " in " + instance);
  }

  public boolean hasIncident(long instance) {
    return Boolean.TRUE.equals(
        client.newProcessInstanceGetRequest(instance).send().join().getHasIncident());
  }

  public ProcessInstanceState stateOf(long instance) {
    return client.newProcessInstanceGetRequest(instance).send().join().getState();
  }

  public static void await(BooleanSupplier condition, String what) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("Waited in vain for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private long deploy(BpmnModelInstance model, String processId) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, processId + ".bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }
}
