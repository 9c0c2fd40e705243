package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;

/**
 * An element that waits for its message (intermediate catch event, receive task): it opens the
 * subscription when activated, completes at once when a buffered message correlates, turns a
 * correlation key that cannot be evaluated into an incident, and closes the subscription when it is
 * terminated.
 */
public abstract class MessageWaitingProcessor implements ElementProcessor {

  private final MessageSubscriptionBehavior subscriptions;

  protected MessageWaitingProcessor(MessageSubscriptionBehavior subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void onActivate(ElementContext context) {
    try {
      boolean correlated =
          subscriptions.open(
              context.processInstance(),
              context.element().id(),
              context.scopeChain(),
              !context.element().outputMappings().isEmpty(),
              context.element().settings(MessageDefinition.class),
              context.variables());
      if (correlated) {
        context.complete();
      }
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
    }
  }

  @Override
  public void onTerminate(ElementContext context) {
    subscriptions.close(context.key());
  }
}
