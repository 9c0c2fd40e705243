package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.FeelScript;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A script task with an inline FEEL script (zeebe:script): evaluates it with the variables visible
 * at the task and completes at once. The result goes into {@code resultVariable} the way a business
 * rule task's does: local when the task has output mappings, otherwise propagated outwards. A
 * failing expression is an EXTRACT_VALUE_ERROR incident, as in Camunda 8.
 */
@Component
class FeelScriptTaskProcessor implements ElementProcessor {

  private final FeelEvaluator feel;

  FeelScriptTaskProcessor(FeelEvaluator feel) {
    this.feel = feel;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.FEEL_SCRIPT_TASK;
  }

  @Override
  public void onActivate(ElementContext context) {
    FeelScript script = context.element().settings(FeelScript.class);
    Object result;
    try {
      result = feel.evaluate(script.expression(), context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(script.resultVariable(), result);
    context.completeWithResult(output);
  }
}
