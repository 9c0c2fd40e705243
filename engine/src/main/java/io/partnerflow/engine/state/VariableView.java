package io.partnerflow.engine.state;

/** A variable as the variable search and get show it; {@code value} is JSON text. */
public record VariableView(
    long key, String name, String value, long scopeKey, long processInstanceKey, String tenantId) {}
