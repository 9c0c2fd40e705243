package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import org.springframework.stereotype.Component;

/** A receive task waits for its message like an intermediate message catch event. */
@Component
class ReceiveTaskProcessor implements ElementProcessor {

  private final MessageSubscriptionBehavior subscriptions;

  ReceiveTaskProcessor(MessageSubscriptionBehavior subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.RECEIVE_TASK;
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
