package io.partnerflow.engine.state;

/**
 * Filter, sort and page of a process definition search; null fields do not constrain.
 *
 * @param sortField a column name from {@link ProcessDefinitionRepository#SORTABLE}
 */
public record ProcessDefinitionQuery(
    String bpmnProcessId,
    String name,
    Integer version,
    Long key,
    String resourceName,
    Boolean latestOnly,
    String sortField,
    boolean descending,
    int from,
    int limit) {}
