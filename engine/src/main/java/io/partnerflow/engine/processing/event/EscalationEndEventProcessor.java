package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.FeelEvaluator;
import org.springframework.stereotype.Component;

/**
 * An escalation end event: throws its escalation and ends the token (unless an interrupting catch
 * event terminated it first).
 */
@Component
class EscalationEndEventProcessor extends EscalationThrowingProcessor {

  EscalationEndEventProcessor(FeelEvaluator feel) {
    super(feel);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.ESCALATION_END_EVENT;
  }
}
