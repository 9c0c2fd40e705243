package io.partnerflow.engine.command;

import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.processing.TokenMachine;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.IncidentRecord;
import io.partnerflow.engine.state.IncidentRepository;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import io.partnerflow.engine.state.ProcessInstanceRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/incidents/{key}/resolution, as in Camunda: a job incident (failed job, uncaught error)
 * makes the job activatable again, which needs retries left — update them first ({@code PATCH
 * /jobs/{key}}), otherwise 409; any other incident retries what failed with the current variables
 * (e.g. an exclusive gateway evaluates its conditions again), and a new incident opens when it
 * fails again. 404 unknown, 409 already resolved.
 */
@Component
public class ResolveIncidentCommand {

  private final IncidentRepository incidents;
  private final ProcessInstanceRepository processInstances;
  private final JobRepository jobs;
  private final JobBehavior jobBehavior;
  private final TokenMachine machine;
  private final EngineClock clock;

  public ResolveIncidentCommand(
      IncidentRepository incidents,
      ProcessInstanceRepository processInstances,
      JobRepository jobs,
      JobBehavior jobBehavior,
      TokenMachine machine,
      EngineClock clock) {
    this.incidents = incidents;
    this.processInstances = processInstances;
    this.jobs = jobs;
    this.jobBehavior = jobBehavior;
    this.machine = machine;
    this.clock = clock;
  }

  @Transactional
  public void execute(long incidentKey) {
    IncidentRecord unlocked = incidents.find(incidentKey).orElseThrow(() -> notFound(incidentKey));
    ProcessInstanceRecord instance =
        processInstances
            .lock(unlocked.processInstanceKey())
            .orElseThrow(() -> notFound(incidentKey));
    IncidentRecord incident = incidents.find(incidentKey).orElseThrow(() -> notFound(incidentKey));
    if (!IncidentRecord.ACTIVE.equals(incident.state())) {
      throw EngineException.invalidState(
          "Expected to resolve incident with key '%d', but it is already %s"
              .formatted(incidentKey, incident.state()));
    }
    if (incident.jobKey() != null) {
      resolveJobIncident(incident);
      return;
    }
    boolean completion = incidents.raisedOnCompletion(incidentKey);
    incidents.resolve(incidentKey);
    machine.retryElement(instance, incident.elementInstanceKey(), completion);
  }

  private void resolveJobIncident(IncidentRecord incident) {
    JobRecord job =
        jobs.find(incident.jobKey())
            .orElseThrow(() -> new IllegalStateException("No job " + incident.jobKey()));
    boolean failed =
        JobRecord.FAILED.equals(job.state()) || JobRecord.ERROR_THROWN.equals(job.state());
    if (failed && job.retries() <= 0) {
      throw EngineException.invalidState(
          ("Expected to resolve incident with key '%d', but job with key '%d' has no retries"
                  + " left; update the job's retries first")
              .formatted(incident.key(), job.key()));
    }
    incidents.resolve(incident.key());
    if (failed) {
      jobs.fail(
          job.key(), JobRecord.ACTIVATABLE, job.retries(), clock.nowAtUtc(), job.errorMessage());
      jobBehavior.announce(job.type());
    }
  }

  private static EngineException notFound(long incidentKey) {
    return EngineException.notFound("Incident", incidentKey);
  }
}
