package io.partnerflow.app.monitoring;

/** A variable as the engine keeps it: its value is JSON text; the scope is its element instance. */
public record VariableEntry(long key, String name, String json, long scopeKey) {}
