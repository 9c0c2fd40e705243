package io.partnerflow.engine.deployment;

/** The message a message start event of a process waits for (a static name). */
public record MessageStartDefinition(String messageName) {}
