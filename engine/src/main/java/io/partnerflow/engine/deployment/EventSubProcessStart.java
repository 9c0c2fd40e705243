package io.partnerflow.engine.deployment;

/**
 * The start event of an event sub-process (timer, message, error, signal or escalation): whether
 * triggering it interrupts the rest of the enclosing scope ({@code isInterrupting}, true by
 * default; error start events always interrupt).
 */
public record EventSubProcessStart(boolean interrupting) {}
