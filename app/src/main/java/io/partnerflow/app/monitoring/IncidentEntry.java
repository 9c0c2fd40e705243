package io.partnerflow.app.monitoring;

import java.time.Instant;

/** An open incident: where it stands and what the worker (or the engine) said went wrong. */
public record IncidentEntry(
    long key,
    long processInstanceKey,
    String processId,
    String elementId,
    String errorType,
    String message,
    Instant created,
    Long jobKey) {}
