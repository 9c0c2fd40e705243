package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;

/**
 * One execution or user task listener: the job {@code type} and {@code retries} (static or FEEL,
 * evaluated right before its job is created) of an event type.
 */
public record Listener(String eventType, Expression type, Expression retries) {}
