package io.partnerflow.app.contract.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code contract-schedule-renewal}: publishes {@code contract-renewal-scheduled}, which
 * starts the contract's own contract-renewal instance (correlation key {@code contract-<id>}, so at
 * most one per contract). A retried job publishes the same message id, which the engine refuses
 * with 409 while the first one is still buffered: nothing starts twice.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class ScheduleRenewalWorker {

  static final String MESSAGE = "contract-renewal-scheduled";

  private final CamundaClient client;

  ScheduleRenewalWorker(CamundaClient client) {
    this.client = client;
  }

  @JobWorker(
      type = "contract-schedule-renewal",
      fetchVariables = {"partnerId", "contractId", "renewalAt"})
  public void schedule(
      @Variable Long partnerId, @Variable Long contractId, @Variable String renewalAt) {
    if (partnerId == null || contractId == null || renewalAt == null) {
      throw new IllegalStateException("partnerId, contractId and renewalAt must be set");
    }
    try {
      client
          .newPublishMessageCommand()
          .messageName(MESSAGE)
          .correlationKey("contract-" + contractId)
          .messageId("contract-renewal-" + contractId)
          .timeToLive(Duration.ofHours(1))
          .variables(
              Map.of("partnerId", partnerId, "contractId", contractId, "renewalAt", renewalAt))
          .send()
          .join();
    } catch (ProblemException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }
}
