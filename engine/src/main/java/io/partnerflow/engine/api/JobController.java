package io.partnerflow.engine.api;

import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.partnerflow.engine.command.CompleteJobCommand;
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
import org.springframework.web.context.request.async.DeferredResult;

/** /v2/jobs: activation (long poll), completion, failure, error, update. */
@RestController
@RequestMapping("/v2/jobs")
class JobController {

  private final JobActivationLongPoll activation;
  private final CompleteJobCommand complete;
  private final FailJobCommand fail;
  private final ThrowJobErrorCommand error;
  private final UpdateJobCommand update;

  JobController(
      JobActivationLongPoll activation,
      CompleteJobCommand complete,
      FailJobCommand fail,
      ThrowJobErrorCommand error,
      UpdateJobCommand update) {
    this.activation = activation;
    this.complete = complete;
    this.fail = fail;
    this.error = error;
    this.update = update;
  }

  @PostMapping("/activation")
  DeferredResult<JobActivationResult> activate(@RequestBody JobActivationRequest request) {
    if (request.getType() == null || request.getType().isBlank()) {
      throw EngineException.invalid("Expected a job type, but none given");
    }
    if (request.getMaxJobsToActivate() == null || request.getMaxJobsToActivate() < 1) {
      throw EngineException.invalid("Expected maxJobsToActivate to be greater than zero");
    }
    if (request.getTimeout() == null || request.getTimeout() < 1) {
      throw EngineException.invalid("Expected timeout to be greater than zero");
    }
    return activation.activate(request);
  }

  @PostMapping("/{key}/completion")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable long key, @RequestBody(required = false) JobCompletionRequest body) {
    complete.execute(key, body == null ? null : body.getVariables());
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
