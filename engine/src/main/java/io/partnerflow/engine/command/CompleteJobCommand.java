package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** POST /v2/jobs/{key}/completion: completes the job and moves its token on. */
@Component
public class CompleteJobCommand {

  private final JobCommands jobCommands;
  private final JobRepository jobs;
  private final TokenMachine machine;

  public CompleteJobCommand(JobCommands jobCommands, JobRepository jobs, TokenMachine machine) {
    this.jobCommands = jobCommands;
    this.jobs = jobs;
    this.machine = machine;
  }

  @Transactional
  public void execute(long jobKey, Map<String, Object> variables) {
    ProcessInstanceRecord instance = jobCommands.lockInstance(jobKey);
    JobRecord job =
        jobs.completeIfOpen(jobKey).orElseThrow(() -> jobCommands.notOpen("complete", jobKey));
    machine.completeElement(instance, job.elementInstanceKey(), variables);
  }
}
