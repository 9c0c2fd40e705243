package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * A message start event: the instance was created for its message (the message's variables are set
 * as the event's result), so it passes the token on.
 */
@Component
class MessageStartEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.MESSAGE_START_EVENT;
  }
}
