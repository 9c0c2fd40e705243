package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.partnerflow.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads zeebe:executionListeners of the process and its flow nodes. Where Camunda does not run a
 * listener (start listeners of start and boundary events, end listeners of gateways and error end
 * events) the model is rejected, naming the element, rather than run without it; so are start
 * listeners this engine does not run (catch events after an event-based gateway, event
 * sub-processes).
 */
final class ExecutionListenersReader {

  private static final Set<String> NO_START = Set.of("START_EVENT", "BOUNDARY_EVENT");
  private static final Set<String> NO_END =
      Set.of("EXCLUSIVE_GATEWAY", "PARALLEL_GATEWAY", "INCLUSIVE_GATEWAY", "EVENT_BASED_GATEWAY");

  private ExecutionListenersReader() {}

  /** The element's listeners, or null when it has none. */
  static ExecutionListeners read(
      BaseElement element, ElementKind kind, boolean afterEventBasedGateway, DeploymentProblems p) {
    ZeebeExecutionListeners listeners =
        element.getSingleExtensionElement(ZeebeExecutionListeners.class);
    if (listeners == null || listeners.getExecutionListeners().isEmpty()) {
      return null;
    }
    List<Listener> start = new ArrayList<>();
    List<Listener> end = new ArrayList<>();
    for (ZeebeExecutionListener listener : listeners.getExecutionListeners()) {
      boolean isStart = listener.getEventType() == ZeebeExecutionListenerEventType.start;
      String retries =
          listener.getRetries() == null || listener.getRetries().isBlank()
              ? ZeebeExecutionListener.DEFAULT_RETRIES
              : listener.getRetries();
      Listener read =
          new Listener(
              isStart ? ExecutionListeners.START : ExecutionListeners.END,
              p.checked(element, Expression.of(listener.getType())),
              p.checked(element, Expression.of(retries)));
      (isStart ? start : end).add(read);
    }
    String type = kind.bpmnElementType();
    if (!start.isEmpty() && NO_START.contains(type)) {
      p.add(element, refusal(element, "start", "on this element (as in Camunda)"));
    }
    if (!end.isEmpty() && (NO_END.contains(type) || kind == ElementKind.ERROR_END_EVENT)) {
      p.add(element, refusal(element, "end", "on this element (as in Camunda)"));
    }
    if (!start.isEmpty() && afterEventBasedGateway) {
      p.add(
          element,
          refusal(
              element, "start", "by the embedded engine on an event after an event-based gateway"));
    }
    if (!start.isEmpty() && kind == ElementKind.EVENT_SUB_PROCESS) {
      p.add(element, refusal(element, "start", "by the embedded engine on an event sub-process"));
    }
    return new ExecutionListeners(List.copyOf(start), List.copyOf(end));
  }

  private static String refusal(BaseElement element, String eventType, String reason) {
    return "Element '%s' of type '%s': execution listeners of type '%s' are not supported %s"
        .formatted(element.getId(), element.getElementType().getTypeName(), eventType, reason);
  }
}
