package io.partnerflow.app.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waiting for and driving process instances on the embedded engine through the Camunda client, as
 * the process tests of several features do (one copy instead of one per fixture).
 */
public final class ProcessProbes {

  /** Long enough for a loaded machine; a probe that holds returns at once. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final CamundaClient client;

  public ProcessProbes(CamundaClient client) {
    this.client = client;
  }

  /** Polls until the probe finds something; fails the test after {@link #PATIENCE}. */
  public static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    // the test's own waiting, on the wall clock: the app's Clock may be pinned or moved
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(giveUp)) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Condition not met within " + PATIENCE.toSeconds() + " s");
  }

  /** The open task of the element in the instance, once there is one. */
  public UserTask awaitOpenTask(long instanceKey, String elementId) throws InterruptedException {
    return await(
        () ->
            client
                .newUserTaskSearchRequest()
                .filter(
                    filter ->
                        filter
                            .processInstanceKey(instanceKey)
                            .elementId(elementId)
                            .state(UserTaskState.CREATED))
                .send()
                .join()
                .items()
                .stream()
                .findFirst());
  }

  public void awaitCompleted(long instanceKey) throws InterruptedException {
    await(
        () ->
            Optional.of(client.newProcessInstanceGetRequest(instanceKey).send().join())
                .filter(instance -> instance.getState() == ProcessInstanceState.COMPLETED));
  }

  /**
   * Completes a staff task as a person does in the task list: claimed, the completion naming them.
   */
  public void completeAsStaff(UserTask task, String username, Map<String, Object> variables) {
    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee(username).send().join();
    client
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(variables)
        .action(CompletionGuard.actionOf(username))
        .send()
        .join();
  }

  /** Stops the engine's clock at the instant (timers due before it fire). */
  public void pinClock(Instant at) {
    client.newPinClockCommand().time(at).send().join();
  }

  public void resetClock() {
    client.newResetClockCommand().send().join();
  }
}
