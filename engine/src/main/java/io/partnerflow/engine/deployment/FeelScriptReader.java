package io.partnerflow.engine.deployment;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.partnerflow.engine.expression.Expression;
import org.springframework.stereotype.Component;

/** Reads zeebe:script of a script task; the expression is checked for FEEL syntax here. */
@Component
class FeelScriptReader implements ElementSettingsReader<FeelScript> {

  @Override
  public Class<FeelScript> type() {
    return FeelScript.class;
  }

  @Override
  public boolean appliesTo(ElementKind kind, FlowNode node) {
    return kind == ElementKind.FEEL_SCRIPT_TASK;
  }

  @Override
  public FeelScript read(FlowNode node, DeploymentProblems problems) {
    ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
    String expression = script.getExpression();
    String resultVariable = script.getResultVariable();
    if (expression == null || expression.isBlank()) {
      problems.add(node, "zeebe:script must have an expression");
      return null;
    }
    if (resultVariable == null || resultVariable.isBlank()) {
      problems.add(node, "zeebe:script must have a resultVariable");
      return null;
    }
    return new FeelScript(
        problems.checked(node, Expression.feel(expression)), resultVariable.strip());
  }
}
