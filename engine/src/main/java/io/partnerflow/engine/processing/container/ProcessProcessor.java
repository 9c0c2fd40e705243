package io.partnerflow.engine.processing.container;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import org.springframework.stereotype.Component;

/** The process itself: starts at its none start event, completes when no token is left. */
@Component
class ProcessProcessor implements ElementProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.PROCESS;
  }

  @Override
  public void onActivate(ElementContext context) {
    context.activateChild(context.element().noneStartEventId());
  }

  @Override
  public void onComplete(ElementContext context) {
    context.endProcessInstance(ProcessInstanceRecord.COMPLETED);
  }
}
