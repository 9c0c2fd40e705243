package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import org.springframework.stereotype.Component;

/**
 * The terminate end event: terminates every other active element of its flow scope, then completes,
 * so that the scope completes too — a sub-process continues after itself, the process instance ends
 * COMPLETED (as in Camunda 8).
 */
@Component
class TerminateEndEventProcessor implements ElementProcessor {

  @Override
  public ElementKind kind() {
    return ElementKind.TERMINATE_END_EVENT;
  }

  @Override
  public void onActivate(ElementContext context) {
    context.terminateFlowScopeContent();
    context.complete();
  }
}
