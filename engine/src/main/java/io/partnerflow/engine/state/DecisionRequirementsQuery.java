package io.partnerflow.engine.state;

/**
 * Filter, sort and page of a decision requirements search; null fields do not constrain.
 *
 * @param sortField an API field name from {@link DecisionRepository#REQUIREMENTS_SORTABLE}
 */
public record DecisionRequirementsQuery(
    String decisionRequirementsId,
    String name,
    Integer version,
    Long key,
    String resourceName,
    String tenantId,
    String sortField,
    boolean descending,
    int from,
    int limit) {}
