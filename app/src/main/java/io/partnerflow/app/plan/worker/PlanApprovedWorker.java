package io.partnerflow.app.plan.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.partnerflow.app.plan.BusinessPlans;
import io.partnerflow.app.security.SystemIdentity;
import org.springframework.stereotype.Component;

/**
 * Job type {@code plan-approved} (after both sign-offs): freezes the version as APPROVED and hands
 * it on to what follows an approval (a retried job changes nothing the second time).
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class PlanApprovedWorker {

  private final BusinessPlans plans;

  PlanApprovedWorker(BusinessPlans plans) {
    this.plans = plans;
  }

  @JobWorker(
      type = "plan-approved",
      fetchVariables = {"planVersionId"})
  public void approved(@Variable Long planVersionId) {
    if (planVersionId == null) {
      throw new IllegalStateException("plan-approved needs the variable planVersionId");
    }
    SystemIdentity.call(
        () -> {
          plans.approvedByProcess(planVersionId);
          return null;
        });
  }
}
