package io.partnerflow.app.tasklist.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.worker.JobClient;
import io.partnerflow.app.tasklist.CompletionGuard;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@code completing} task listener of staff tasks: lets the completion through only when the
 * person named in it is the task's assignee (see {@link CompletionGuard}); otherwise denies it, the
 * task stays open and the completing request gets a 409.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class CompletionGuardWorker {

  @JobWorker(type = CompletionGuard.LISTENER_TYPE, autoComplete = false, fetchAllVariables = false)
  public void check(JobClient client, ActivatedJob job) {
    UserTaskProperties task = job.getUserTask();
    Optional<String> denial =
        task == null
            ? Optional.of("Not a user task listener job")
            : CompletionGuard.denial(task.getAction(), task.getAssignee());
    client
        .newCompleteCommand(job)
        .withResult(
            result ->
                denial.isPresent()
                    ? result.forUserTask().deny(true, denial.get())
                    : result.forUserTask().deny(false))
        .send()
        .join();
  }
}
