package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * A signal start event: the instance was created for a broadcast signal (its variables are set as
 * the event's result), so it passes the token on.
 */
@Component
class SignalStartEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.SIGNAL_START_EVENT;
  }
}
