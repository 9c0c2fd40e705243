package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/** One zeebe:input or zeebe:output: the source expression and the target variable path. */
public record Mapping(Expression source, String target) {}
