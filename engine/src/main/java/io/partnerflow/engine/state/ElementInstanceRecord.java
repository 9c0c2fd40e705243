package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/**
 * An activated BPMN element; {@code state} is ACTIVE, COMPLETED or TERMINATED. The process itself
 * is an element instance whose key is the process instance key and whose flow scope is null.
 */
public record ElementInstanceRecord(
    long key,
    long processInstanceKey,
    Long flowScopeKey,
    String elementId,
    String elementType,
    String state,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    Long incidentKey) {

  public static final String ACTIVE = "ACTIVE";
  public static final String COMPLETED = "COMPLETED";
  public static final String TERMINATED = "TERMINATED";

  public boolean isActive() {
    return ACTIVE.equals(state);
  }
}
