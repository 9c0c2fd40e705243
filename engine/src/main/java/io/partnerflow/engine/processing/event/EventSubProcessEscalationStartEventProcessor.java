package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * The escalation start event of an event sub-process: activated when an escalation thrown in its
 * enclosing scope is caught here (see EscalationCatcher); passes the token on.
 */
@Component
class EventSubProcessEscalationStartEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.EVENT_SUB_PROCESS_ESCALATION_START_EVENT;
  }
}
