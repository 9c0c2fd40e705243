package io.partnerflow.engine.deployment;

/**
 * A boundary event's attachment: the id of the activity it is attached to and whether it interrupts
 * it ({@code cancelActivity}, true by default).
 */
public record BoundaryEventDefinition(String attachedToId, boolean interrupting) {}
