package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.SignalDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.SignalSubscriptionBehavior;
import org.springframework.stereotype.Component;

/**
 * Waits for a signal: entering subscribes to its name (evaluated here; a name that cannot be
 * evaluated is an EXTRACT_VALUE_ERROR incident); a broadcast with that name completes it
 * (command.SignalBroadcaster) with the signal's variables. Signals are not buffered: one broadcast
 * before the subscription opened is not caught. The subscription is deleted when it ends.
 */
@Component
class IntermediateSignalCatchEventProcessor implements ElementProcessor {

  private final SignalSubscriptionBehavior subscriptions;

  IntermediateSignalCatchEventProcessor(SignalSubscriptionBehavior subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_SIGNAL_CATCH_EVENT;
  }

  @Override
  public void onActivate(ElementContext context) {
    subscriptions.close(context.key()); // a retried activation (incident resolved) starts afresh
    try {
      subscriptions.open(
          context.processInstance(),
          context.key(),
          context.element().id(),
          context.element().settings(SignalDefinition.class),
          context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
    }
  }

  @Override
  public void onComplete(ElementContext context) {
    subscriptions.close(context.key());
  }

  @Override
  public void onTerminate(ElementContext context) {
    subscriptions.close(context.key());
  }
}
