package io.partnerflow.engine.processing.task;

import io.partnerflow.engine.decision.DecisionEngine;
import io.partnerflow.engine.decision.DecisionResult;
import io.partnerflow.engine.deployment.CalledDecision;
import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.state.DecisionDefinitionRecord;
import io.partnerflow.engine.state.DecisionRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A business rule task with zeebe:calledDecision: evaluates the latest version of the decision with
 * the variables visible at the task and completes at once. The result goes into {@code
 * resultVariable} as a completed job's variables do: local to the task when it has output mappings
 * (they pick what leaves), otherwise propagated outwards (to the process instance unless an inner
 * scope has the variable). Failures open incidents as Camunda 8 does: EXTRACT_VALUE_ERROR (the
 * decisionId expression), CALLED_DECISION_ERROR (no such decision), DECISION_EVALUATION_ERROR.
 */
@Component
class BusinessRuleTaskProcessor implements ElementProcessor {

  private final DecisionRepository decisions;
  private final DecisionEngine engine;
  private final FeelEvaluator feel;

  BusinessRuleTaskProcessor(
      DecisionRepository decisions, DecisionEngine engine, FeelEvaluator feel) {
    this.decisions = decisions;
    this.engine = engine;
    this.feel = feel;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.BUSINESS_RULE_TASK;
  }

  @Override
  public void onActivate(ElementContext context) {
    CalledDecision called = context.element().settings(CalledDecision.class);
    String decisionId;
    try {
      decisionId = feel.evaluateString(called.decisionId(), context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    Optional<DecisionDefinitionRecord> decision = decisions.findLatest(decisionId);
    if (decision.isEmpty()) {
      context.raiseIncident(
          IncidentBehavior.CALLED_DECISION_ERROR,
          "Expected to evaluate decision '%s', but no decision found for id '%s'"
              .formatted(decisionId, decisionId));
      return;
    }
    DecisionResult result = engine.evaluate(decision.get(), context.variables().variables());
    if (result.isFailure()) {
      context.raiseIncident(IncidentBehavior.DECISION_EVALUATION_ERROR, result.failureMessage());
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(called.resultVariable(), result.output());
    context.completeWithResult(output);
  }
}
