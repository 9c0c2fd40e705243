package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;
import java.util.Map;

/** zeebe:taskDefinition and zeebe:taskHeaders of a job-worker element. */
public record JobDefinition(Expression type, Expression retries, Map<String, String> headers) {}
