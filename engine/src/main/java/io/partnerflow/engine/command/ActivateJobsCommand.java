package io.partnerflow.engine.command;

import io.partnerflow.engine.processing.UserTaskTransitions;
import io.partnerflow.engine.state.EngineClock;
import io.partnerflow.engine.state.JobRecord;
import io.partnerflow.engine.state.JobRepository;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.ListenerTaskView;
import io.partnerflow.engine.state.VariableRepository;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One activation attempt of POST /v2/jobs/activation (the long poll around it lives in the api):
 * claims ready jobs with SKIP LOCKED and hands them to the worker until the deadline.
 */
@Component
public class ActivateJobsCommand {

  /** What a worker asks for. {@code fetchVariables} empty: all visible variables. */
  public record Request(
      String type, String worker, long timeoutMillis, int maxJobs, List<String> fetchVariables) {}

  /**
   * An activated job with its deadline and the variables its element sees; a task listener's job
   * with its user task as the listener sees it (null otherwise).
   */
  public record ActivatedJob(
      JobRecord job,
      OffsetDateTime deadline,
      Map<String, Object> variables,
      ListenerTaskView userTask) {}

  private final JobRepository jobs;
  private final VariableRepository variables;
  private final JsonValues json;
  private final EngineClock clock;
  private final UserTaskTransitions userTasks;

  public ActivateJobsCommand(
      JobRepository jobs,
      VariableRepository variables,
      JsonValues json,
      EngineClock clock,
      UserTaskTransitions userTasks) {
    this.userTasks = userTasks;
    this.jobs = jobs;
    this.variables = variables;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public List<ActivatedJob> execute(Request request) {
    OffsetDateTime now = clock.nowAtUtc();
    OffsetDateTime deadline = now.plusNanos(request.timeoutMillis() * 1_000_000);
    List<JobRecord> claimed =
        jobs.activateReady(request.type(), request.maxJobs(), now, request.worker(), deadline);
    if (claimed.isEmpty()) {
      return List.of();
    }
    Map<Long, Map<String, String>> visible =
        variables.findVisibleForAll(claimed.stream().map(JobRecord::elementInstanceKey).toList());
    List<ActivatedJob> activated = new ArrayList<>();
    for (JobRecord job : claimed) {
      ListenerTaskView userTask =
          JobRecord.TASK_LISTENER.equals(job.kind())
              ? userTasks.view(job.elementInstanceKey()).orElse(null)
              : null;
      activated.add(
          new ActivatedJob(
              job, deadline, fetched(visible.get(job.elementInstanceKey()), request), userTask));
    }
    return activated;
  }

  private Map<String, Object> fetched(Map<String, String> visible, Request request) {
    Map<String, Object> result = new LinkedHashMap<>();
    List<String> wanted = request.fetchVariables();
    visible.forEach(
        (name, value) -> {
          if (wanted == null || wanted.isEmpty() || wanted.contains(name)) {
            result.put(name, json.read(value));
          }
        });
    return result;
  }
}
