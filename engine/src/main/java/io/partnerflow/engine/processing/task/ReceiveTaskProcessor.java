package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.MessageWaitingProcessor;
import io.partnerflow.engine.processing.behavior.MessageSubscriptionBehavior;
import org.springframework.stereotype.Component;

/** A receive task waits for its message like an intermediate message catch event. */
@Component
class ReceiveTaskProcessor extends MessageWaitingProcessor {

  ReceiveTaskProcessor(MessageSubscriptionBehavior subscriptions) {
    super(subscriptions);
  }

  @Override
  public ElementKind kind() {
    return ElementKind.RECEIVE_TASK;
  }
}
