package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import org.springframework.stereotype.Component;

/** The none end event: the token ends here; the scope completes when it was the last. */
@Component
class NoneEndEventProcessor extends PassThroughProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.NONE_END_EVENT;
  }
}
