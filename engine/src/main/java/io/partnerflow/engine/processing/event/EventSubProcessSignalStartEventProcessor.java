package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * The signal start event of an event sub-process: activated when a broadcast signal reached the
 * subscription its enclosing scope holds (see BoundaryEventWaits); passes the token on.
 */
@Component
class EventSubProcessSignalStartEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.EVENT_SUB_PROCESS_SIGNAL_START_EVENT;
  }
}
