package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import org.springframework.stereotype.Component;

/**
 * A timer boundary event is activated only when its timer fires (the token machine schedules the
 * timer when the host activity is activated, see TokenMachine#triggerBoundaryEvent); it then
 * completes at once and takes its outgoing flows.
 */
@Component
class BoundaryTimerEventProcessor implements ElementProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.BOUNDARY_TIMER_EVENT;
  }

  @Override
  public void onActivate(ElementContext context) {
    context.complete();
  }
}
