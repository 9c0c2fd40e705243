package io.partnerflow.app.monitoring;

/** One process version's figures on the overview. */
public record ProcessStatistics(
    long definitionKey,
    String processId,
    String name,
    int version,
    long active,
    long withIncident,
    long completedInPeriod) {}
