package io.partnerflow.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.partnerflow.engine.problem.EngineException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/** POST /v2/jobs/activation: a long poll, answered when jobs are claimed or at requestTimeout. */
@Component
class JobActivationEndpoint implements HotEndpoint {

  private static final String PATH = "/v2/jobs/activation";

  private final JobActivationLongPoll activation;
  private final ObjectReader reader;

  JobActivationEndpoint(JobActivationLongPoll activation, ObjectMapper mapper) {
    this.activation = activation;
    this.reader = mapper.readerFor(JobActivationRequest.class);
  }

  @Override
  public boolean serves(String path) {
    return PATH.equals(path);
  }

  @Override
  public CompletableFuture<Reply> handle(String path, byte[] body) throws IOException {
    JobActivationRequest request =
        reader.readValue(HotEndpoint.required(body, "a job activation request"));
    if (request.getType() == null || request.getType().isBlank()) {
      throw EngineException.invalid("Expected a job type, but none given");
    }
    if (request.getMaxJobsToActivate() == null || request.getMaxJobsToActivate() < 1) {
      throw EngineException.invalid("Expected maxJobsToActivate to be greater than zero");
    }
    if (request.getTimeout() == null || request.getTimeout() < 1) {
      throw EngineException.invalid("Expected timeout to be greater than zero");
    }
    return activation.activate(request).thenApply(result -> new Reply(200, result));
  }
}
