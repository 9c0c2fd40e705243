package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import org.springframework.stereotype.Component;

/** A send task (job-worker based, as in Camunda 8). */
@Component
class SendTaskProcessor extends JobWorkerTaskProcessor {

  SendTaskProcessor(JobBehavior jobs, FeelEvaluator feel) {
    super(jobs, feel);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.SEND_TASK;
  }
}
