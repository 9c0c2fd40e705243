package io.partnerflow.engine.state;

/**
 * Published when due work may have appeared for the scheduler (a timer was created, the clock was
 * moved); the scheduler polls at once after the transaction commits instead of at its next tick.
 */
public record SchedulerWakeUp(String reason) {}
