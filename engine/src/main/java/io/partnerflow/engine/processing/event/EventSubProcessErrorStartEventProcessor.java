package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/**
 * The error start event of an event sub-process: activated when its event occurred in the enclosing
 * scope (see the token machine's event sub-process trigger); passes the token on.
 */
@Component
class EventSubProcessErrorStartEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.ERROR_START_EVENT;
  }
}
