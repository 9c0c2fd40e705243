package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/** A process instance as searches and reads show it (with its definition's name and tag). */
public record ProcessInstanceView(
    long key,
    long processDefinitionKey,
    String bpmnProcessId,
    String processDefinitionName,
    int version,
    String versionTag,
    String tenantId,
    String state,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    boolean hasIncident,
    Long parentProcessInstanceKey,
    Long parentElementInstanceKey) {}
