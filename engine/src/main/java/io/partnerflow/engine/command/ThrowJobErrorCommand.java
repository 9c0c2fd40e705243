package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.ThrownError;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/jobs/{key}/error: throws a BPMN error at the job's element. The innermost matching catch
 * event catches it (the element is terminated, the error's variables go to the catch event);
 * otherwise the job gets an UNHANDLED_ERROR_EVENT incident and the variables stay on the element.
 */
@Component
public class ThrowJobErrorCommand {

  private final JobCommands jobCommands;
  private final JobRepository jobs;
  private final IncidentBehavior incidents;
  private final VariableBehavior variables;
  private final TokenMachine machine;

  public ThrowJobErrorCommand(
      JobCommands jobCommands,
      JobRepository jobs,
      IncidentBehavior incidents,
      VariableBehavior variables,
      TokenMachine machine) {
    this.machine = machine;
    this.jobCommands = jobCommands;
    this.jobs = jobs;
    this.incidents = incidents;
    this.variables = variables;
  }

  @Transactional
  public void execute(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> values) {
    JobCommands.Locked locked = jobCommands.lock(jobKey);
    JobRecord job = locked.job();
    if (!JobRecord.ACTIVATED.equals(job.state())) {
      throw JobCommands.wrongState("throw an error for", job);
    }
    if (job.isListener()) {
      // Camunda: throwing a BPMN error from a listener's job is not supported
      throw EngineException.invalid(
          "Expected to throw an error for job with key '%d', but it is a listener job (%s);"
                  .formatted(jobKey, job.kind())
              + " throwing a BPMN error from a listener is not supported");
    }
    Optional<String> unhandled =
        machine.throwError(
            locked.processInstance(),
            job.elementInstanceKey(),
            new ThrownError(errorCode, errorMessage == null ? "" : errorMessage, values));
    jobs.throwError(jobKey, errorCode, errorMessage);
    if (unhandled.isEmpty()) {
      return;
    }
    if (values != null && !values.isEmpty()) {
      variables.setLocal(job.elementInstanceKey(), job.processInstanceKey(), values);
    }
    incidents.raise(
        locked.processInstance(),
        job.elementInstanceKey(),
        job.elementId(),
        IncidentBehavior.UNHANDLED_ERROR_EVENT,
        unhandled.get(),
        jobKey);
  }
}
