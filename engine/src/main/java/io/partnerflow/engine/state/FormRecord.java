package io.partnerflow.engine.state;

/** One deployed version of one Camunda Form. */
public record FormRecord(
    long key,
    String formId,
    int version,
    String resourceName,
    String checksum,
    String schemaJson,
    long deploymentKey,
    String tenantId) {}
