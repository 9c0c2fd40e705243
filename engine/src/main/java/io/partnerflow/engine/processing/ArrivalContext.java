package io.partnerflow.engine.processing;

import io.partnerflow.engine.deployment.ExecutableElement;
import io.partnerflow.engine.deployment.ExecutableSequenceFlow;

/** A token reaching an element through a sequence flow (null flow for a start event). */
public record ArrivalContext(
    ExecutableElement element,
    ExecutableSequenceFlow flow,
    long flowScopeKey,
    long processInstanceKey) {}
