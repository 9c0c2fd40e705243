package io.partnerflow.app.enablement.certification.worker;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.partnerflow.app.tier.TierReviewRequests;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code certification-tier-review}: asks for the partner's tier review (reason from
 * header {@code reason}) through the tier feature's {@link TierReviewRequests}. The message id
 * names the certificate and the reason, so a retried job asks once.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class TierReviewWorker {

  private final TierReviewRequests reviews;

  TierReviewWorker(TierReviewRequests reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = "certification-tier-review")
  public void requestReview(
      @VariablesAsType CertificationVariables variables,
      @CustomHeaders Map<String, String> headers) {
    String reason = headers.get("reason");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("The task has no header 'reason'");
    }
    long certificateId = variables.requireCertificateId();
    reviews.request(
        variables.requirePartnerId(), reason, "certificate-" + certificateId + "-" + reason);
  }
}
