package io.partnerflow.engine.state;

/**
 * One deployed version of one process, without its XML: an instance start or a search reads this
 * often, the XML only the graph cache (once per key) and the XML endpoint do ({@code
 * ProcessDefinitionRepository#findXml}).
 */
public record ProcessDefinitionRecord(
    long key,
    String bpmnProcessId,
    int version,
    String name,
    String versionTag,
    String resourceName,
    String checksum,
    String startFormId,
    long deploymentKey,
    String tenantId) {}
