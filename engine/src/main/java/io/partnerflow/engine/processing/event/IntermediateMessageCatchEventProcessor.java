package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.MessageWaitingProcessor;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import org.springframework.stereotype.Component;

/** Waits for a message: completes when one is correlated (PublishMessage/CorrelateMessage). */
@Component
class IntermediateMessageCatchEventProcessor extends MessageWaitingProcessor {

  IntermediateMessageCatchEventProcessor(MessageSubscriptionBehavior subscriptions) {
    super(subscriptions);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INTERMEDIATE_MESSAGE_CATCH_EVENT;
  }
}
