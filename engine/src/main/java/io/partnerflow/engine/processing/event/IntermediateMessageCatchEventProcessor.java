package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.MessageDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import org.springframework.stereotype.Component;

/** Waits for a message: completes when one is correlated (PublishMessage/CorrelateMessage). */
@Component
class IntermediateMessageCatchEventProcessor implements ElementProcessor {

  private final MessageSubscriptionBehavior subscriptions;

  IntermediateMessageCatchEventProcessor(MessageSubscriptionBehavior subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_MESSAGE_CATCH_EVENT;
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
