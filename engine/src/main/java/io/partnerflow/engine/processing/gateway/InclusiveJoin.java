package io.partnerflow.engine.processing.gateway;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import io.partnerflow.engine.processing.ScopeTokens;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * When a joining inclusive gateway may activate (BPMN 2.0 and Camunda 8.6+): at least one incoming
 * flow holds a token, and no other token of the flow scope can still reach the gateway through an
 * incoming flow without a token — unless that token could also reach it through a flow that has one
 * (then it is not waited for).
 */
final class InclusiveJoin {

  private InclusiveJoin() {}

  static boolean mayActivate(
      ExecutableProcess graph,
      ExecutableElement gateway,
      Map<String, Integer> held,
      ScopeTokens tokens) {
    Set<String> taken = new HashSet<>();
    Set<String> untaken = new HashSet<>();
    for (ExecutableSequenceFlow flow : gateway.incoming()) {
      (held.getOrDefault(flow.id(), 0) > 0 ? taken : untaken).add(flow.id());
    }
    if (taken.isEmpty()) {
      return false;
    }
    if (untaken.isEmpty()) {
      return true;
    }
    for (ExecutableSequenceFlow pending : tokens.pendingFlows()) {
      Set<String> reachable =
          pending.targetId().equals(gateway.id())
              ? Set.of(pending.id())
              : reachableIncoming(graph, pending.targetId(), gateway);
      if (waitsFor(reachable, taken, untaken)) {
        return false;
      }
    }
    for (String elementId : tokens.elementIds()) {
      if (!elementId.equals(gateway.id())
          && waitsFor(reachableIncoming(graph, elementId, gateway), taken, untaken)) {
        return false;
      }
    }
    return true;
  }

  private static boolean waitsFor(Set<String> reachable, Set<String> taken, Set<String> untaken) {
    return reachable.stream().anyMatch(untaken::contains)
        && reachable.stream().noneMatch(taken::contains);
  }

  /**
   * The gateway's incoming flows that a token at {@code elementId} can reach, following outgoing
   * flows and boundary events, without passing through the gateway.
   */
  private static Set<String> reachableIncoming(
      ExecutableProcess graph, String elementId, ExecutableElement gateway) {
    Set<String> reached = new HashSet<>();
    Set<String> visited = new HashSet<>();
    Deque<String> open = new ArrayDeque<>();
    open.push(elementId);
    while (!open.isEmpty()) {
      String id = open.pop();
      if (!visited.add(id)) {
        continue;
      }
      ExecutableElement element = graph.element(id);
      for (ExecutableSequenceFlow flow : element.outgoing()) {
        if (flow.targetId().equals(gateway.id())) {
          reached.add(flow.id());
        } else {
          open.push(flow.targetId());
        }
      }
      element.boundaryEventIds().forEach(open::push);
    }
    return reached;
  }
}
