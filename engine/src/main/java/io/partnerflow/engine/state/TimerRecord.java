package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/** A timer of an element instance; {@code state} is CREATED, TRIGGERED or CANCELED. */
public record TimerRecord(
    long key,
    long elementInstanceKey,
    String elementId,
    long processInstanceKey,
    long processDefinitionKey,
    String tenantId,
    OffsetDateTime dueDate,
    String state) {

  public static final String CREATED = "CREATED";
  public static final String TRIGGERED = "TRIGGERED";
  public static final String CANCELED = "CANCELED";
}
