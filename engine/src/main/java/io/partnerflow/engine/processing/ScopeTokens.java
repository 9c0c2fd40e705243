package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import java.util.List;
import java.util.Set;

/**
 * Where the tokens of one flow scope are at a moment of a run: the elements with an active instance
 * or with tokens held at a join, and the flows whose tokens are on their way (arrivals not yet
 * processed). Joining inclusive gateways ask it whether more tokens can still reach them.
 */
public record ScopeTokens(Set<String> elementIds, List<ExecutableSequenceFlow> pendingFlows) {}
