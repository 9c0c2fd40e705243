package io.partnerflow.engine.state;

/** One version of one decision, part of one {@link DecisionRequirementsRecord}. */
public record DecisionDefinitionRecord(
    long key,
    String decisionId,
    int version,
    String name,
    long decisionRequirementsKey,
    String decisionRequirementsId,
    long deploymentKey,
    String tenantId) {}
