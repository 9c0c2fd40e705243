package io.partnerflow.engine.state;

/** One deployed version of one process. */
public record ProcessDefinitionRecord(
    long key,
    String bpmnProcessId,
    int version,
    String name,
    String versionTag,
    String resourceName,
    String checksum,
    String bpmnXml,
    String startFormId,
    long deploymentKey,
    String tenantId) {}
