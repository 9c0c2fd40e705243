package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * A message boundary event is activated only when its message is correlated to the subscription its
 * host opened (see BoundaryEventWaits); it then passes the token on. Interrupting: the host was
 * terminated; non-interrupting: the host goes on and waits for the next message.
 */
@Component
class BoundaryMessageEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.BOUNDARY_MESSAGE_EVENT;
  }
}
