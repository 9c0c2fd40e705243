package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.FeelEvaluator;
import org.springframework.stereotype.Component;

/**
 * An intermediate escalation throw event: throws its escalation and goes on unless an interrupting
 * catch event took it.
 */
@Component
class IntermediateEscalationThrowEventProcessor extends EscalationThrowingProcessor {

  IntermediateEscalationThrowEventProcessor(FeelEvaluator feel) {
    super(feel);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_ESCALATION_THROW_EVENT;
  }
}
