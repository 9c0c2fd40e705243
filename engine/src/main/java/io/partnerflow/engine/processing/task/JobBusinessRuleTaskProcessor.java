package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import org.springframework.stereotype.Component;

/** A business rule task implemented by a job worker (zeebe:taskDefinition, no calledDecision). */
@Component
class JobBusinessRuleTaskProcessor extends JobWorkerTaskProcessor {

  JobBusinessRuleTaskProcessor(JobBehavior jobs, FeelEvaluator feel) {
    super(jobs, feel);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.JOB_BUSINESS_RULE_TASK;
  }
}
