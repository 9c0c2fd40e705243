package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/** The none start event: the token passes straight on. */
@Component
class NoneStartEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.NONE_START_EVENT;
  }
}
