package io.partnerflow.engine.state;

/** One deployed version of a DMN resource: its decision requirements graph (DRG). */
public record DecisionRequirementsRecord(
    long key,
    String decisionRequirementsId,
    int version,
    String name,
    String resourceName,
    String checksum,
    String dmnXml,
    long deploymentKey,
    String tenantId) {}
