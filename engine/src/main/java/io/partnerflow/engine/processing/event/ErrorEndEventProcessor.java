package io.partnerflow.engine.processing.event;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ErrorDefinition;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.ThrownError;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The error end event throws its error (code static or FEEL, evaluated when reached). The catch
 * event's scope is terminated, this event with it; an uncaught error opens an UNHANDLED_ERROR_EVENT
 * incident here (resolving it throws again).
 */
@Component
class ErrorEndEventProcessor implements ElementProcessor {

  private final FeelEvaluator feel;

  ErrorEndEventProcessor(FeelEvaluator feel) {
    this.feel = feel;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.ERROR_END_EVENT;
  }

  @Override
  public void onActivate(ElementContext context) {
    ErrorDefinition error = context.element().settings(ErrorDefinition.class);
    String code;
    try {
      code = feel.evaluateString(error.errorCode(), context.variables());
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.EXTRACT_VALUE_ERROR, e.getMessage());
      return;
    }
    Optional<String> unhandled = context.throwError(new ThrownError(code, null, Map.of()));
    unhandled.ifPresent(
        message -> context.raiseIncident(IncidentBehavior.UNHANDLED_ERROR_EVENT, message));
  }
}
