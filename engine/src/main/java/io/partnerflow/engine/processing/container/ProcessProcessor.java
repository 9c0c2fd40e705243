package io.partnerflow.engine.processing.container;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.state.ProcessInstanceEnded;
import io.partnerflow.engine.state.ProcessInstanceRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The process itself: starts at its none start event, completes when no token is left. Its end
 * (completed or terminated) is announced as {@link ProcessInstanceEnded} (e.g. for requests that
 * await the completion).
 */
@Component
class ProcessProcessor implements ElementProcessor {

  private final ApplicationEventPublisher events;

  ProcessProcessor(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.PROCESS;
  }

  @Override
  public void onActivate(ElementContext context) {
    context.activateChild(context.startEventId());
  }

  @Override
  public void onComplete(ElementContext context) {
    context.endProcessInstance(ProcessInstanceRecord.COMPLETED);
    events.publishEvent(ended(context));
  }

  @Override
  public void onTerminate(ElementContext context) {
    events.publishEvent(ended(context));
  }

  private static ProcessInstanceEnded ended(ElementContext context) {
    ProcessInstanceRecord instance = context.processInstance();
    return new ProcessInstanceEnded(instance.key(), instance.processDefinitionKey());
  }
}
