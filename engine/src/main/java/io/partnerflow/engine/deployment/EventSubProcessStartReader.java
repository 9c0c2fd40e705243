package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.util.Set;
import org.springframework.stereotype.Component;

/** isInterrupting of the start events of event sub-processes. */
@Component
class EventSubProcessStartReader implements ElementSettingsReader<EventSubProcessStart> {

  static final Set<ElementKind> KINDS =
      Set.of(
          ElementKind.EVENT_SUB_PROCESS_TIMER_START_EVENT,
          ElementKind.EVENT_SUB_PROCESS_MESSAGE_START_EVENT,
          ElementKind.ERROR_START_EVENT,
          ElementKind.EVENT_SUB_PROCESS_SIGNAL_START_EVENT,
          ElementKind.EVENT_SUB_PROCESS_ESCALATION_START_EVENT);

  @Override
  public Class<EventSubProcessStart> type() {
    return EventSubProcessStart.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return KINDS.contains(kind);
  }

  @Override
  public EventSubProcessStart read(FlowNode node, DeploymentProblems problems) {
    return new EventSubProcessStart(((StartEvent) node).isInterrupting());
  }
}
