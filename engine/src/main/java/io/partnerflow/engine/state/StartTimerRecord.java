package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/**
 * The next firing of a timer start event; {@code repetitions} counts the firings left including
 * this one (null: unbounded cycle). {@code state} is CREATED, TRIGGERED or CANCELED.
 */
public record StartTimerRecord(
    long key,
    long processDefinitionKey,
    String bpmnProcessId,
    String elementId,
    String tenantId,
    OffsetDateTime dueDate,
    Integer repetitions,
    String state) {

  public static final String CREATED = "CREATED";
  public static final String TRIGGERED = "TRIGGERED";
  public static final String CANCELED = "CANCELED";
}
