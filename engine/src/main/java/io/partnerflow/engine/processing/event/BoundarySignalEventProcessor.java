package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * A signal boundary event is activated only when a broadcast signal reached the subscription its
 * host holds (see BoundaryEventWaits); it then passes the token on. Interrupting: the host was
 * terminated; non-interrupting: the host goes on and its subscription keeps waiting.
 */
@Component
class BoundarySignalEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.BOUNDARY_SIGNAL_EVENT;
  }
}
