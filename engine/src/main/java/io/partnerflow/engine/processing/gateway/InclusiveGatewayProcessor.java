package io.partnerflow.engine.processing.gateway;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.processing.ArrivalContext;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.IncidentBehavior;
import io.partnerflow.engine.processing.behavior.JoinBehavior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Inclusive gateway. Join (several incoming flows): tokens are held until no further token of the
 * scope can reach the gateway on a flow that has none yet ({@link InclusiveJoin}); asked again on
 * every arrival and whenever a token of the scope ends. Fork: takes every outgoing flow whose
 * condition is true (a flow without condition always), else the default flow; with neither, a
 * CONDITION_ERROR incident and the token waits at the gateway.
 */
@Component
class InclusiveGatewayProcessor implements ElementProcessor {

  private final FeelEvaluator feel;
  private final JoinBehavior joins;

  InclusiveGatewayProcessor(FeelEvaluator feel, JoinBehavior joins) {
    this.feel = feel;
    this.joins = joins;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.INCLUSIVE_GATEWAY;
  }

  @Override
  public boolean onArrive(ArrivalContext arrival) {
    ExecutableElement gateway = arrival.element();
    if (arrival.flow() == null || gateway.incoming().size() <= 1) {
      return true;
    }
    joins.hold(gateway, arrival.flowScopeKey(), arrival.flow().id(), arrival.processInstanceKey());
    return activateIfNothingMoreArrives(arrival);
  }

  @Override
  public boolean onScopeTokensChanged(ArrivalContext arrival) {
    return activateIfNothingMoreArrives(arrival);
  }

  private boolean activateIfNothingMoreArrives(ArrivalContext arrival) {
    ExecutableElement gateway = arrival.element();
    Map<String, Integer> held = joins.held(gateway, arrival.flowScopeKey());
    boolean activate =
        InclusiveJoin.mayActivate(arrival.process(), gateway, held, arrival.scopeTokens().get());
    if (activate) {
      List<String> taken =
          held.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
      joins.consume(gateway, arrival.flowScopeKey(), taken);
    }
    return activate;
  }

  @Override
  public void onActivate(ElementContext context) {
    ExecutableElement gateway = context.element();
    List<ExecutableSequenceFlow> taken = new ArrayList<>();
    try {
      for (ExecutableSequenceFlow flow : gateway.outgoing()) {
        if (flow.id().equals(gateway.defaultFlowId())) {
          continue;
        }
        if (flow.condition() == null
            || feel.evaluateBoolean(flow.condition(), context.variables())) {
          taken.add(flow);
        }
      }
    } catch (ExpressionException e) {
      context.raiseIncident(IncidentBehavior.CONDITION_ERROR, e.getMessage());
      return;
    }
    if (taken.isEmpty() && gateway.defaultFlowId() != null) {
      taken.add(context.process().flow(gateway.defaultFlowId()));
    }
    if (taken.isEmpty() && !gateway.outgoing().isEmpty()) {
      context.raiseIncident(
          IncidentBehavior.CONDITION_ERROR,
          "Expected at least one condition to evaluate to true, or to have a default flow");
      return;
    }
    context.complete(taken);
  }
}
