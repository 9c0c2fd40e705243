package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * An escalation boundary event is activated when an escalation thrown inside its host (a
 * sub-process, or the instance a call activity created) is caught here (see EscalationCatcher); it
 * passes the token on. Interrupting: the host was terminated; non-interrupting: the host and the
 * thrower go on.
 */
@Component
class BoundaryEscalationEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.BOUNDARY_ESCALATION_EVENT;
  }
}
