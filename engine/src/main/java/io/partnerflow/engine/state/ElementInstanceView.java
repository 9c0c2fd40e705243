package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/** An element instance as the element-instance search and get show it. */
public record ElementInstanceView(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String elementId,
    String elementName,
    String type,
    String state,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    boolean hasIncident,
    Long incidentKey,
    String tenantId) {}
