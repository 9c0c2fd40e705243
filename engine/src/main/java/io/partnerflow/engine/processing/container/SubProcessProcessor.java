package io.partnerflow.engine.processing.container;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import org.springframework.stereotype.Component;

/**
 * The embedded sub-process: a scope of its own (local variables from its input mappings) that
 * starts at its none start event and completes when no token is left in it. Terminating it
 * terminates its content first (the token machine does that for every element).
 */
@Component
class SubProcessProcessor implements ElementProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.SUB_PROCESS;
  }

  @Override
  public void onActivate(ElementContext context) {
    context.activateChild(context.element().noneStartEventId());
  }
}
