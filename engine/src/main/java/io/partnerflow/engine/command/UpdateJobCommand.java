package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * PATCH /v2/jobs/{key}: changes retries and/or the activation time-out (counted from now). A failed
 * job keeps its incident; resolving the incident makes it activatable again.
 */
@Component
public class UpdateJobCommand {

  private final JobCommands jobCommands;
  private final JobRepository jobs;
  private final EngineClock clock;

  public UpdateJobCommand(JobCommands jobCommands, JobRepository jobs, EngineClock clock) {
    this.jobCommands = jobCommands;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Transactional
  public void execute(long jobKey, Integer retries, Long timeoutMillis) {
    if (retries == null && timeoutMillis == null) {
      throw EngineException.invalid("Expected a changeset with retries or timeout, but none given");
    }
    JobRecord job = jobCommands.lock(jobKey).job();
    if (!job.isOpen() && !JobRecord.FAILED.equals(job.state())) {
      throw JobCommands.wrongState("update", job);
    }
    if (retries != null) {
      if (retries < 1) {
        throw EngineException.invalid(
            "Expected to update job with retries greater than zero, but was " + retries);
      }
      jobs.setRetries(jobKey, retries);
    }
    if (timeoutMillis != null) {
      if (!JobRecord.ACTIVATED.equals(job.state())) {
        throw JobCommands.wrongState("update the time-out of", job);
      }
      jobs.setDeadline(jobKey, clock.nowAtUtc().plusNanos(timeoutMillis * 1_000_000));
    }
  }
}
