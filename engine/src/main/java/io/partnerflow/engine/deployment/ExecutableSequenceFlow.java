package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/** A sequence flow; {@code condition} is null when unconditional. */
public record ExecutableSequenceFlow(
    String id, String sourceId, String targetId, Expression condition) {}
