package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.TimeCycle;
import java.time.Instant;

/** The static timer of a timer start event: a date (fires once) or a cycle. Exactly one is set. */
public record TimerStartDefinition(Instant date, TimeCycle cycle) {}
