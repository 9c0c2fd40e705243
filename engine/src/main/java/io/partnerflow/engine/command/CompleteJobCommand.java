package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.TaskListenerResult;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.state.CompletedJob;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/jobs/{key}/completion: completes the job and moves its token on — for a listener's job,
 * the element's listeners go on (the next one, or the element's behaviour after the last).
 */
@Component
public class CompleteJobCommand {

  private final JobCommands jobCommands;
  private final JobRepository jobs;
  private final TokenMachine machine;
  private final UserTaskTransitions taskListeners;

  public CompleteJobCommand(
      JobCommands jobCommands,
      JobRepository jobs,
      TokenMachine machine,
      UserTaskTransitions taskListeners) {
    this.jobCommands = jobCommands;
    this.jobs = jobs;
    this.machine = machine;
    this.taskListeners = taskListeners;
  }

  @Transactional
  public void execute(long jobKey, Map<String, Object> variables) {
    execute(jobKey, variables, null);
  }

  /** With a task listener's result (denial, corrections), null when none was given. */
  @Transactional
  public void execute(long jobKey, Map<String, Object> variables, TaskListenerResult result) {
    ProcessInstanceRecord instance = jobCommands.lockInstance(jobKey);
    if (result != null || variables != null && !variables.isEmpty()) {
      // checked before the job changes: a rejected completion leaves it open
      jobs.find(jobKey).ifPresent(job -> checkCompletion(job, variables, result));
    }
    CompletedJob completed =
        jobs.completeIfOpen(jobKey).orElseThrow(() -> jobCommands.notOpen("complete", jobKey));
    JobRecord job = completed.job();
    if (JobRecord.EXECUTION_LISTENER.equals(job.kind())) {
      machine.executionListenerCompleted(
          instance,
          job.elementInstanceKey(),
          job.listenerEventType(),
          job.listenerIndex(),
          variables);
    } else if (JobRecord.TASK_LISTENER.equals(job.kind())) {
      taskListeners.listenerCompleted(instance, job, result);
    } else {
      machine.completeElement(
          instance, job.elementInstanceKey(), completed.elementAndFlowScope(), variables);
    }
  }

  private static void checkCompletion(
      JobRecord job, Map<String, Object> variables, TaskListenerResult result) {
    if (JobRecord.TASK_LISTENER.equals(job.kind())) {
      if (variables != null && !variables.isEmpty()) {
        throw EngineException.invalid(
            ("Expected to complete task listener job with key '%d', but variables were given;"
                    + " completing a task listener job with variables is not supported")
                .formatted(job.key()));
      }
      UserTaskTransitions.checkResult(job, result);
    } else if (result != null) {
      throw EngineException.invalid(
          "Expected to complete job with key '%d' with a user task result, but it is a %s job"
              .formatted(job.key(), job.kind()));
    }
  }
}
