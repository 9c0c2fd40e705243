package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.SignalThrowBehavior;

/**
 * Signal throw and end events: throw the signal (after the input mappings, whose variables it
 * carries) and pass the token on. A name that cannot be evaluated is an EXTRACT_VALUE_ERROR
 * incident; resolving it throws again.
 */
abstract class SignalThrowingProcessor implements ElementProcessor {

  private final SignalThrowBehavior signals;

  SignalThrowingProcessor(SignalThrowBehavior signals) {
    this.signals = signals;
  }

  @Override
  public void onActivate(ElementContext context) {
    try {
      signals.throwSignal(
          context.processInstance(),
          context.key(),
          context.element().settings(SignalDefinition.class),
          context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    context.complete();
  }
}
