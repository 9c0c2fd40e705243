package io.partnerflow.app.enablement.certification.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code certification-tier-review}: publishes {@code tier-review-requested} (correlation
 * key {@code partner-<partnerId>}, variables {@code partnerId} and {@code reason} from header
 * {@code reason}), which starts the tier review. The message id names the certificate and the
 * reason, so a retried job publishes it once.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class TierReviewWorker {

  static final String MESSAGE = "tier-review-requested";
  private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

  private final CamundaClient client;

  TierReviewWorker(CamundaClient client) {
    this.client = client;
  }

  @JobWorker(type = "certification-tier-review")
  public void requestReview(
      @VariablesAsType CertificationVariables variables,
      @CustomHeaders Map<String, String> headers) {
    String reason = headers.get("reason");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("The task has no header 'reason'");
    }
    long partnerId = variables.requirePartnerId();
    long certificateId = variables.requireCertificateId();
    try {
      client
          .newPublishMessageCommand()
          .messageName(MESSAGE)
          .correlationKey("partner-" + partnerId)
          .messageId("certificate-" + certificateId + "-" + reason)
          .timeToLive(TIME_TO_LIVE)
          .variables(Map.of("partnerId", partnerId, "reason", reason))
          .send()
          .join();
    } catch (ProblemException e) {
      // published before: the job was retried after its first publication
      if (e.code() != 409) {
        throw e;
      }
    }
  }
}
