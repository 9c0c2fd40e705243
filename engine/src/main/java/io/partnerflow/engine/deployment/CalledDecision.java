package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * zeebe:calledDecision of a business rule task: the decision id (static or FEEL) and the variable
 * that receives the result.
 */
public record CalledDecision(Expression decisionId, String resultVariable) {}
