package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/** A process instance; {@code state} is ACTIVE, COMPLETED or TERMINATED. */
public record ProcessInstanceRecord(
    long key,
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    String tenantId,
    String state,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    boolean hasIncident) {

  public static final String ACTIVE = "ACTIVE";
  public static final String COMPLETED = "COMPLETED";
  public static final String TERMINATED = "TERMINATED";

  public boolean isActive() {
    return ACTIVE.equals(state);
  }
}
