package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.partnerflow.engine.expression.Expression;
import org.springframework.stereotype.Component;

/**
 * Reads zeebe:calledDecision. Only the binding type {@code latest} (the default) is executed; the
 * others are rejected rather than run differently.
 */
@Component
class CalledDecisionReader implements ElementSettingsReader<CalledDecision> {

  @Override
  public Class<CalledDecision> type() {
    return CalledDecision.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.BUSINESS_RULE_TASK;
  }

  @Override
  public CalledDecision read(FlowNode node, DeploymentProblems problems) {
    ZeebeCalledDecision called = node.getSingleExtensionElement(ZeebeCalledDecision.class);
    String decisionId = called.getDecisionId();
    String resultVariable = called.getResultVariable();
    if (decisionId == null || decisionId.isBlank()) {
      problems.add(node, "zeebe:calledDecision must have a decisionId");
      return null;
    }
    if (resultVariable == null || resultVariable.isBlank()) {
      problems.add(node, "zeebe:calledDecision must have a resultVariable");
      return null;
    }
    if (called.getBindingType() != null && called.getBindingType() != ZeebeBindingType.latest) {
      problems.add(
          node,
          "zeebe:calledDecision bindingType '%s' is not supported by the embedded engine (only"
                  .formatted(called.getBindingType())
              + " 'latest')");
      return null;
    }
    return new CalledDecision(problems.checked(node, Expression.of(decisionId)), resultVariable);
  }
}
