package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableProcess;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;
import java.util.function.Supplier;

/**
 * A token reaching an element through a sequence flow (null flow for a start event, or when a
 * joining gateway is asked again after tokens left its scope). {@code scopeTokens} tells where the
 * other tokens of the flow scope are, computed on demand.
 */
public record ArrivalContext(
    ExecutableElement element,
    ExecutableSequenceFlow flow,
    long flowScopeKey,
    long processInstanceKey,
    ExecutableProcess process,
    Supplier<ScopeTokens> scopeTokens) {}
