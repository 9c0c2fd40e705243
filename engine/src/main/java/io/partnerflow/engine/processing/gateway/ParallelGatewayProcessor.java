package io.partnerflow.engine.processing.gateway;

import io.partnerflow.engine.deployment.ElementKind;
import io.partnerflow.engine.processing.ArrivalContext;
import io.partnerflow.engine.processing.ElementContext;
import io.partnerflow.engine.processing.ElementProcessor;
import io.partnerflow.engine.processing.behavior.JoinBehavior;
import org.springframework.stereotype.Component;

/** Joins all incoming flows (one token each), then forks to all outgoing flows. */
@Component
class ParallelGatewayProcessor implements ElementProcessor {

  private final JoinBehavior joins;

  ParallelGatewayProcessor(JoinBehavior joins) {
    this.joins = joins;
  }

  @Override
  public ElementKind kind() {
    return ElementKind.PARALLEL_GATEWAY;
  }

  @Override
  public boolean onArrive(ArrivalContext arrival) {
    String flowId = arrival.flow() == null ? null : arrival.flow().id();
    return flowId == null
        || joins.arrive(
            arrival.element(), arrival.flowScopeKey(), flowId, arrival.processInstanceKey());
  }

  @Override
  public void onActivate(ElementContext context) {
    context.complete();
  }
}
