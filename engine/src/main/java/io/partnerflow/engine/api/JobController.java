package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.partnerflow.engine.command.FailJobCommand;
import io.partnerflow.engine.command.ThrowJobErrorCommand;
import io.partnerflow.engine.command.UpdateJobCommand;
import io.partnerflow.engine.problem.EngineException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * /v2/jobs: failure, error, update. Activation and completion are hot path endpoints ({@link
 * JobActivationEndpoint}, {@link JobCompletionEndpoint}).
 */
@RestController
@RequestMapping("/v2/jobs")
class JobController {

  private final FailJobCommand fail;
  private final ThrowJobErrorCommand error;
  private final UpdateJobCommand update;

  JobController(FailJobCommand fail, ThrowJobErrorCommand error, UpdateJobCommand update) {
    this.fail = fail;
    this.error = error;
    this.update = update;
  }

  @PostMapping("/{key}/failure")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void fail(@PathVariable long key, @RequestBody(required = false) JobFailRequest body) {
    JobFailRequest request = body == null ? new JobFailRequest() : body;
    fail.execute(
        key,
        new FailJobCommand.Request(
            request.getRetries() == null ? 0 : request.getRetries(),
            request.getErrorMessage(),
            request.getRetryBackOff() == null ? 0 : request.getRetryBackOff(),
            request.getVariables()));
  }

  @PostMapping("/{key}/error")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void error(@PathVariable long key, @RequestBody JobErrorRequest body) {
    if (body.getErrorCode() == null || body.getErrorCode().isBlank()) {
      throw EngineException.invalid("Expected an errorCode, but none given");
    }
    error.execute(key, body.getErrorCode(), body.getErrorMessage(), body.getVariables());
  }

  @PatchMapping("/{key}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void update(@PathVariable long key, @RequestBody JobUpdateRequest body) {
    if (body.getChangeset() == null) {
      throw EngineException.invalid("Expected a changeset, but none given");
    }
    update.execute(key, body.getChangeset().getRetries(), body.getChangeset().getTimeout());
  }
}
