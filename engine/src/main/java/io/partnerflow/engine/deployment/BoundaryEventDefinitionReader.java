package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * attachedToRef and cancelActivity of boundary events; the host must be an activity the engine can
 * attach boundary events to (tasks, embedded sub-processes and call activities).
 */
@Component
class BoundaryEventDefinitionReader implements ElementSettingsReader<BoundaryEventDefinition> {

  static final Set<String> HOST_TYPES =
      Set.of(
          "serviceTask",
          "sendTask",
          "scriptTask",
          "businessRuleTask",
          "userTask",
          "receiveTask",
          "callActivity",
          "subProcess");

  @Override
  public Class<BoundaryEventDefinition> type() {
    return BoundaryEventDefinition.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return node instanceof BoundaryEvent;
  }

  @Override
  public BoundaryEventDefinition read(FlowNode node, DeploymentProblems problems) {
    BoundaryEvent boundary = (BoundaryEvent) node;
    if (boundary.getAttachedTo() == null) {
      problems.add(
          node, "Boundary event '%s' is not attached to an activity".formatted(node.getId()));
      return null;
    }
    String hostType = boundary.getAttachedTo().getElementType().getTypeName();
    if (!HOST_TYPES.contains(hostType)) {
      problems.add(
          node,
          "Boundary event '%s' is attached to '%s' of type '%s'; the embedded engine supports"
                  .formatted(node.getId(), boundary.getAttachedTo().getId(), hostType)
              + " boundary events on tasks, sub-processes and call activities only");
      return null;
    }
    boolean error =
        boundary.getEventDefinitions().stream()
            .anyMatch(io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition.class::isInstance);
    if (error && !boundary.cancelActivity()) {
      problems.add(
          node,
          "Error boundary event '%s' must be interrupting (cancelActivity=\"true\")"
              .formatted(node.getId()));
      return null;
    }
    return new BoundaryEventDefinition(boundary.getAttachedTo().getId(), boundary.cancelActivity());
  }
}
