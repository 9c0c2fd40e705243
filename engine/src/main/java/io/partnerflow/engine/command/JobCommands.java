package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import org.springframework.stereotype.Component;

/**
 * Shared first step of the job commands: lock the job's process instance (the engine's lock order:
 * instance, then job), then the job row, and load both.
 */
@Component
class JobCommands {

  /** A job and its locked process instance. */
  record Locked(JobRecord job, ProcessInstanceRecord processInstance) {}

  private final JobRepository jobs;
  private final ProcessInstanceRepository processInstances;

  JobCommands(JobRepository jobs, ProcessInstanceRepository processInstances) {
    this.jobs = jobs;
    this.processInstances = processInstances;
  }

  Locked lock(long jobKey) {
    ProcessInstanceRecord instance = lockInstance(jobKey);
    JobRecord job =
        jobs.findForUpdate(jobKey).orElseThrow(() -> EngineException.notFound("Job", jobKey));
    return new Locked(job, instance);
  }

  /** Only the first half of {@link #lock}: the job's process instance, locked. */
  ProcessInstanceRecord lockInstance(long jobKey) {
    return processInstances
        .lockOfJob(jobKey)
        .orElseThrow(() -> EngineException.notFound("Job", jobKey));
  }

  /** Why a job could not be changed: 404 when it does not exist, else 409 for its state. */
  EngineException notOpen(String action, long jobKey) {
    return jobs.find(jobKey)
        .map(job -> wrongState(action, job))
        .orElseGet(() -> EngineException.notFound("Job", jobKey));
  }

  static EngineException wrongState(String action, JobRecord job) {
    return EngineException.invalidState(
        "Expected to %s job with key '%d', but it is in state '%s'"
            .formatted(action, job.key(), job.state()));
  }
}
