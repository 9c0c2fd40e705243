package io.partnerflow.app.plan.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.plan.PlanVersion;
import io.partnerflow.app.security.SystemIdentity;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job type {@code plan-open} (joint-business-planning's first step): the version the partner
 * drafts, created when there is none, linked to this process instance; {@code planVersionId} names
 * it for the later steps.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class PlanOpenWorker {

  private final BusinessPlans plans;

  PlanOpenWorker(BusinessPlans plans) {
    this.plans = plans;
  }

  @JobWorker(
      type = "plan-open",
      fetchVariables = {"partnerId"})
  public Map<String, Object> open(ActivatedJob job, @Variable Long partnerId) {
    if (partnerId == null) {
      throw new IllegalStateException("plan-open needs the variable partnerId");
    }
    PlanVersion version =
        SystemIdentity.call(() -> plans.openForProcess(partnerId, job.getProcessInstanceKey()));
    return Map.of("planVersionId", version.id(), "planVersionNo", version.versionNo());
  }
}
