package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.behavior.SignalThrowBehavior;
import org.springframework.stereotype.Component;

/**
 * A signal end event: broadcasts its signal and ends the token; the scope completes when it was the
 * last.
 */
@Component
class SignalEndEventProcessor extends SignalThrowingProcessor {

  SignalEndEventProcessor(SignalThrowBehavior signals) {
    super(signals);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.SIGNAL_END_EVENT;
  }
}
