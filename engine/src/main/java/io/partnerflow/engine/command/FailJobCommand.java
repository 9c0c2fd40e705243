package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import io.partnerflow.engine.processing.behavior.VariableBehavior;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/jobs/{key}/failure: with retries left the job becomes activatable again after the
 * back-off; at 0 retries it fails and a JOB_NO_RETRIES incident opens.
 */
@Component
public class FailJobCommand {

  /** Failure details as the worker sends them. */
  public record Request(
      int retries, String errorMessage, long retryBackOffMillis, Map<String, Object> variables) {}

  private final JobCommands jobCommands;
  private final JobRepository jobs;
  private final JobBehavior jobBehavior;
  private final IncidentBehavior incidents;
  private final VariableBehavior variables;
  private final EngineClock clock;

  public FailJobCommand(
      JobCommands jobCommands,
      JobRepository jobs,
      JobBehavior jobBehavior,
      IncidentBehavior incidents,
      VariableBehavior variables,
      EngineClock clock) {
    this.jobCommands = jobCommands;
    this.jobs = jobs;
    this.jobBehavior = jobBehavior;
    this.incidents = incidents;
    this.variables = variables;
    this.clock = clock;
  }

  @Transactional
  public void execute(long jobKey, Request request) {
    JobCommands.Locked locked = jobCommands.lock(jobKey);
    JobRecord job = locked.job();
    if (!JobRecord.ACTIVATED.equals(job.state())) {
      throw JobCommands.wrongState("fail", job);
    }
    if (request.variables() != null && !request.variables().isEmpty()) {
      // Camunda sets failure variables locally on the job's element instance
      variables.setLocal(job.elementInstanceKey(), job.processInstanceKey(), request.variables());
    }
    int retries = Math.max(0, request.retries());
    if (retries > 0) {
      jobs.fail(
          jobKey,
          JobRecord.ACTIVATABLE,
          retries,
          clock.nowAtUtc().plusNanos(Math.max(0, request.retryBackOffMillis()) * 1_000_000),
          request.errorMessage());
      jobBehavior.announce(job.type());
      return;
    }
    jobs.fail(jobKey, JobRecord.FAILED, 0, clock.nowAtUtc(), request.errorMessage());
    String message =
        request.errorMessage() == null || request.errorMessage().isBlank()
            ? "No more retries left."
            : request.errorMessage();
    incidents.raise(
        locked.processInstance(),
        job.elementInstanceKey(),
        job.elementId(),
        incidentType(job),
        message,
        jobKey);
  }

  /** As in Camunda: a listener's job that fails for good names its kind in the incident. */
  private static String incidentType(JobRecord job) {
    if (JobRecord.EXECUTION_LISTENER.equals(job.kind())) {
      return IncidentBehavior.EXECUTION_LISTENER_NO_RETRIES;
    }
    if (JobRecord.TASK_LISTENER.equals(job.kind())) {
      return IncidentBehavior.TASK_LISTENER_NO_RETRIES;
    }
    return IncidentBehavior.JOB_NO_RETRIES;
  }
}
