package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import io.partnerflow.engine.state.JoinTokenRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Joining gateways: a token arriving through one incoming flow waits until every incoming flow has
 * delivered one; then one token per flow is consumed and the gateway activates once.
 */
@Component
public class JoinBehavior {

  private final JoinTokenRepository tokens;

  public JoinBehavior(JoinTokenRepository tokens) {
    this.tokens = tokens;
  }

  /** Records the arrival; true when the join is complete and the gateway may activate. */
  public boolean arrive(
      ExecutableElement gateway, long flowScopeKey, String flowId, long processInstanceKey) {
    if (gateway.incoming().size() <= 1) {
      return true;
    }
    tokens.add(flowScopeKey, gateway.id(), flowId, processInstanceKey);
    Map<String, Integer> waiting = tokens.waiting(flowScopeKey, gateway.id());
    List<String> incoming = gateway.incoming().stream().map(ExecutableSequenceFlow::id).toList();
    boolean complete = incoming.stream().allMatch(id -> waiting.getOrDefault(id, 0) > 0);
    if (complete) {
      tokens.consumeOne(flowScopeKey, gateway.id(), incoming);
    }
    return complete;
  }

  /** Records a token that reached a joining gateway through one of its incoming flows. */
  public void hold(
      ExecutableElement gateway, long flowScopeKey, String flowId, long processInstanceKey) {
    tokens.add(flowScopeKey, gateway.id(), flowId, processInstanceKey);
  }

  /** sequence flow id → tokens held at the gateway in the flow scope. */
  public Map<String, Integer> held(ExecutableElement gateway, long flowScopeKey) {
    return tokens.waiting(flowScopeKey, gateway.id());
  }

  /** The gateway activates: one token is taken from each of the given flows. */
  public void consume(ExecutableElement gateway, long flowScopeKey, List<String> flowIds) {
    tokens.consumeOne(flowScopeKey, gateway.id(), flowIds);
  }

  /** Ids of the gateways that hold tokens in the flow scope. */
  public Set<String> holdingGateways(long flowScopeKey) {
    return tokens.elementsWaiting(flowScopeKey);
  }

  public boolean anyWaiting(long flowScopeKey) {
    return tokens.anyWaiting(flowScopeKey);
  }

  public void discard(long flowScopeKey) {
    tokens.deleteForScope(flowScopeKey);
  }
}
