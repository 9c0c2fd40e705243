package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/** An incident as the incident search and get show it. */
public record IncidentView(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    long elementInstanceKey,
    String elementId,
    Long jobKey,
    String errorType,
    String errorMessage,
    String state,
    OffsetDateTime creationTime,
    String tenantId) {}
