package io.partnerflow.app.onboarding.worker;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.partner.PartnerStatus;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code partner-status}: moves the partner to the status in header {@code status}, so the
 * partner page and the directory follow the onboarding process (recorded in the partner's timeline;
 * setting the same status again changes nothing).
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class PartnerStatusWorker {

  private final PartnerService partners;

  PartnerStatusWorker(PartnerService partners) {
    this.partners = partners;
  }

  @JobWorker(
      type = "partner-status",
      fetchVariables = {"partnerId"})
  public void record(@Variable Long partnerId, @CustomHeaders Map<String, String> headers) {
    String status = headers.get("status");
    if (partnerId == null || status == null) {
      throw new IllegalStateException(
          "partner-status needs the variable partnerId and header status");
    }
    SystemIdentity.call(
        () -> {
          partners.changeStatus(partnerId, PartnerStatus.valueOf(status));
          return null;
        });
  }
}
