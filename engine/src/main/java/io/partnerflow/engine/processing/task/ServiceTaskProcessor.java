package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import org.springframework.stereotype.Component;

/** A service task. */
@Component
class ServiceTaskProcessor extends JobWorkerTaskProcessor {

  ServiceTaskProcessor(JobBehavior jobs, FeelEvaluator feel) {
    super(jobs, feel);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.SERVICE_TASK;
  }
}
