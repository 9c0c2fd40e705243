package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/** A timer start event: the instance was created when its timer fired, so it passes on. */
@Component
class TimerStartEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.TIMER_START_EVENT;
  }
}
