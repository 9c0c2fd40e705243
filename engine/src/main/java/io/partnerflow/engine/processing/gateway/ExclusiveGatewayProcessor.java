package io.partnerflow.engine.processing.gateway;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Takes the first outgoing flow (in model order) whose condition is true, else the default flow;
 * with neither, opens a CONDITION_ERROR incident and the token waits at the gateway.
 */
@Component
class ExclusiveGatewayProcessor implements ElementProcessor {

  private final FeelEvaluator feel;

  ExclusiveGatewayProcessor(FeelEvaluator feel) {
    this.feel = feel;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.EXCLUSIVE_GATEWAY;
  }

  @Override
  public void onActivate(ElementContext context) {
    ExecutableElement gateway = context.element();
    if (gateway.outgoing().isEmpty()) {
      context.complete(List.of());
      return;
    }
    if (gateway.outgoing().size() == 1 && gateway.outgoing().get(0).condition() == null) {
      context.complete();
      return;
    }
    try {
      for (ExecutableSequenceFlow flow : gateway.outgoing()) {
        if (flow.id().equals(gateway.defaultFlowId()) || flow.condition() == null) {
          continue;
        }
        if (feel.evaluateBoolean(flow.condition(), context.variables())) {
          context.complete(List.of(flow));
          return;
        }
      }
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.CONDITION_ERROR, e.getMessage());
      return;
    }
    if (gateway.defaultFlowId() != null) {
      context.complete(List.of(context.process().flow(gateway.defaultFlowId())));
      return;
    }
    context.raiseIncident(
        IncidentBehavior.CONDITION_ERROR,
        "Expected at least one condition to evaluate to true, or to have a default flow");
  }
}
