package io.partnerflow.engine.processing.container;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import org.springframework.stereotype.Component;

/**
 * An event sub-process: activated when its start event's timer fires, message correlates or error
 * is caught in the enclosing scope (the token machine activates it and then its start event, which
 * carries the event's variables); a scope of its own that completes when no token is left in it.
 */
@Component
class EventSubProcessProcessor implements ElementProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.EVENT_SUB_PROCESS;
  }

  @Override
  public void onActivate(ElementContext context) {
    // the start event is activated by the token machine with the triggering event's variables
  }
}
