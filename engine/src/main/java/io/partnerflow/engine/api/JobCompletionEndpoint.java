package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobResult;
import io.camunda.client.protocol.rest.JobResultCorrections;
import io.camunda.client.protocol.rest.JobResultUserTask;
import io.partnerflow.engine.command.CompleteJobCommand;
import io.partnerflow.engine.processing.TaskListenerResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/** POST /v2/jobs/{key}/completion, body optional: 204, or 404/409 for an unknown or ended job. */
@Component
class JobCompletionEndpoint implements HotEndpoint {

  private static final String PREFIX = "/v2/jobs/";
  private static final String SUFFIX = "/completion";

  private final CompleteJobCommand complete;
  private final ObjectReader reader;

  JobCompletionEndpoint(CompleteJobCommand complete, ObjectMapper mapper) {
    this.complete = complete;
    this.reader = mapper.readerFor(JobCompletionRequest.class);
  }

  @Override
  public boolean serves(String path) {
    return Keys.between(path, PREFIX, SUFFIX) != null;
  }

  @Override
  public CompletableFuture<Reply> handle(String path, byte[] body) throws IOException {
    long key = Keys.parsePath("job", Keys.between(path, PREFIX, SUFFIX));
    JobCompletionRequest request = body.length == 0 ? null : reader.readValue(body);
    complete.execute(
        key,
        request == null ? null : request.getVariables(),
        request == null ? null : taskListenerResult(request.getResult()));
    return Reply.NO_CONTENT;
  }

  /** A user task result ({@code forUserTask()}): its denial and corrections. */
  static TaskListenerResult taskListenerResult(JobResult result) {
    if (!(result instanceof JobResultUserTask userTask)) {
      return null;
    }
    Map<String, Object> corrections = new LinkedHashMap<>();
    JobResultCorrections c = userTask.getCorrections();
    if (c != null) {
      // null keeps an attribute, an empty value clears it
      putText(corrections, "assignee", c.getAssignee());
      putText(corrections, "dueDate", c.getDueDate());
      putText(corrections, "followUpDate", c.getFollowUpDate());
      if (c.getCandidateGroups() != null) {
        corrections.put("candidateGroups", List.copyOf(c.getCandidateGroups()));
      }
      if (c.getCandidateUsers() != null) {
        corrections.put("candidateUsers", List.copyOf(c.getCandidateUsers()));
      }
      if (c.getPriority() != null) {
        corrections.put("priority", c.getPriority());
      }
    }
    return new TaskListenerResult(
        Boolean.TRUE.equals(userTask.getDenied()), userTask.getDeniedReason(), corrections);
  }

  private static void putText(Map<String, Object> corrections, String name, String value) {
    if (value != null) {
      corrections.put(name, value.isBlank() ? null : value);
    }
  }
}
