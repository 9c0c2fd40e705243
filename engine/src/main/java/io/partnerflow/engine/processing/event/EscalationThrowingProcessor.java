package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.EscalationDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;

/**
 * Escalation throw and end events: throw the escalation (code static or FEEL, evaluated when
 * reached; a failure is an EXTRACT_VALUE_ERROR incident whose resolution throws again). An
 * interrupting catch event terminates this event with its scope; otherwise — caught by a
 * non-interrupting event, or by none (no incident, as in Camunda 8) — the token goes on.
 */
abstract class EscalationThrowingProcessor implements ElementProcessor {

  private final FeelEvaluator feel;

  EscalationThrowingProcessor(FeelEvaluator feel) {
    this.feel = feel;
  }

  @Override
  public void onActivate(ElementContext context) {
    String code;
    try {
      code =
          feel.evaluateString(
              context.element().settings(EscalationDefinition.class).escalationCode(),
              context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    if (context.throwEscalation(code)) {
      context.complete();
    }
  }
}
