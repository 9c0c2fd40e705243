package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * A multi-instance activity's {@code zeebe:loopCharacteristics} (and {@code isSequential}, {@code
 * completionCondition}). Optional parts are null: {@code inputElement} (name of each inner
 * instance's local variable), {@code outputCollection} (name of the result list) with {@code
 * outputElement} (the value each inner instance contributes), {@code completionCondition}.
 */
public record MultiInstanceDefinition(
    boolean sequential,
    Expression inputCollection,
    String inputElement,
    String outputCollection,
    Expression outputElement,
    Expression completionCondition) {}
