package io.partnerflow.engine.state;

/** An incident; {@code state} is ACTIVE or RESOLVED. */
public record IncidentRecord(
    long key,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    long processDefinitionKey,
    String bpmnProcessId,
    Long jobKey,
    String errorType,
    String errorMessage,
    String state,
    String tenantId) {

  public static final String ACTIVE = "ACTIVE";
  public static final String RESOLVED = "RESOLVED";
}
