package io.partnerflow.engine.state;

/**
 * Filter, sort and page of a decision definition search; null fields do not constrain.
 *
 * @param sortField an API field name from {@link DecisionRepository#SORTABLE}
 */
public record DecisionDefinitionQuery(
    String decisionId,
    String name,
    Integer version,
    Long key,
    String decisionRequirementsId,
    Long decisionRequirementsKey,
    String tenantId,
    Boolean latestOnly,
    String sortField,
    boolean descending,
    int from,
    int limit) {}
