package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * An error boundary event is activated only when it catches an error thrown in its host (see
 * ErrorCatcher); the host is terminated by then and the event passes the token on.
 */
@Component
class BoundaryErrorEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.BOUNDARY_ERROR_EVENT;
  }
}
