package io.partnerflow.engine.state;

/**
 * Published (as a Spring event, after commit) when jobs of a type may have become activatable, so
 * that waiting long polls retry at once.
 */
public record JobsAvailable(String type) {}
