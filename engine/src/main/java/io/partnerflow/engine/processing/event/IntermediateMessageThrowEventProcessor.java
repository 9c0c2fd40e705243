package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.behavior.JobBehavior;
import io.partnerflow.engine.processing.task.JobWorkerTaskProcessor;
import org.springframework.stereotype.Component;

/**
 * An intermediate message throw event: as in Camunda 8 a job worker sends the message
 * (zeebe:taskDefinition), and the token moves on when the job is completed.
 */
@Component
class IntermediateMessageThrowEventProcessor extends JobWorkerTaskProcessor {

  IntermediateMessageThrowEventProcessor(JobBehavior jobs, FeelEvaluator feel) {
    super(jobs, feel);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_MESSAGE_THROW_EVENT;
  }
}
