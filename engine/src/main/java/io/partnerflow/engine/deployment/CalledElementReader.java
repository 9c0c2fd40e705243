package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.partnerflow.engine.expression.Expression;
import org.springframework.stereotype.Component;

/**
 * Reads zeebe:calledElement. Only the binding type {@code latest} (the default) is executed; the
 * others ({@code deployment}, {@code versionTag}) are rejected rather than run differently.
 */
@Component
class CalledElementReader implements ElementSettingsReader<CalledElement> {

  @Override
  public Class<CalledElement> type() {
    return CalledElement.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.CALL_ACTIVITY;
  }

  @Override
  public CalledElement read(FlowNode node, DeploymentProblems problems) {
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    String processId = called == null ? null : called.getProcessId();
    if (processId == null || processId.isBlank()) {
      problems.add(node, "Call activity must have a zeebe:calledElement with a processId");
      return null;
    }
    ZeebeBindingType binding = called.getBindingType();
    if (binding != null && binding != ZeebeBindingType.latest) {
      problems.add(
          node,
          ("Element '%s' of type 'callActivity' has zeebe:calledElement bindingType '%s', which"
                  + " the embedded engine does not support (only 'latest')")
              .formatted(node.getId(), binding));
      return null;
    }
    return new CalledElement(
        problems.checked(node, Expression.of(processId)),
        called.isPropagateAllParentVariablesEnabled(),
        called.isPropagateAllChildVariablesEnabled());
  }
}
