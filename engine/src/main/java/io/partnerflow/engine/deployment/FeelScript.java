package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/** A script task's inline FEEL script (zeebe:script) and the variable its result goes to. */
public record FeelScript(Expression expression, String resultVariable) {}
