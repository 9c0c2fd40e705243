package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * The message an intermediate message catch event or receive task waits for: its name (static or
 * FEEL) and the zeebe:subscription correlation key (FEEL or static), both evaluated when the
 * element is entered.
 */
public record MessageDefinition(Expression name, Expression correlationKey) {}
