package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.partnerflow.engine.command.CompleteJobCommand;
import java.io.IOException;
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
    complete.execute(key, request == null ? null : request.getVariables());
    return Reply.NO_CONTENT;
  }
}
