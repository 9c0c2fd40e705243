package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.behavior.SignalThrowBehavior;
import org.springframework.stereotype.Component;

/** An intermediate signal throw event: broadcasts its signal and goes on. */
@Component
class IntermediateSignalThrowEventProcessor extends SignalThrowingProcessor {

  IntermediateSignalThrowEventProcessor(SignalThrowBehavior signals) {
    super(signals);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_SIGNAL_THROW_EVENT;
  }
}
