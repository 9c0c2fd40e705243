package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/jobs/{key}/error: throws a BPMN error. Error catch events come in part II; until then
 * every thrown error is uncaught and opens an UNHANDLED_ERROR_EVENT incident.
 */
@Component
public class ThrowJobErrorCommand {

  private final JobCommands jobCommands;
  private final JobRepository jobs;
  private final IncidentBehavior incidents;
  private final VariableBehavior variables;

  public ThrowJobErrorCommand(
      JobCommands jobCommands,
      JobRepository jobs,
      IncidentBehavior incidents,
      VariableBehavior variables) {
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
    if (values != null && !values.isEmpty()) {
      variables.setLocal(job.elementInstanceKey(), job.processInstanceKey(), values);
    }
    jobs.throwError(jobKey, errorCode, errorMessage);
    incidents.raise(
        locked.processInstance(),
        job.elementInstanceKey(),
        job.elementId(),
        IncidentBehavior.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '%s' with message '%s', but it was not"
                .formatted(errorCode, errorMessage == null ? "" : errorMessage)
            + " caught. No error events are available in the scope.",
        jobKey);
  }
}
