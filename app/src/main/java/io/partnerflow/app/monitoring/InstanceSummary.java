package io.partnerflow.app.monitoring;

import java.time.Instant;

/** One process instance as the lists show it. */
public record InstanceSummary(
    long key,
    String processId,
    String processName,
    int version,
    long definitionKey,
    InstanceState state,
    boolean hasIncident,
    Instant started,
    Instant ended) {}
