package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/**
 * A timer of an element instance; {@code state} is CREATED, TRIGGERED or CANCELED. A cycle's timer
 * ({@code timeCycle}) also carries how often it still fires counting this occurrence ({@code
 * repetitions}, -1 unbounded) and the interval to the next occurrence; both null otherwise.
 */
public record TimerRecord(
    long key,
    long elementInstanceKey,
    String elementId,
    long processInstanceKey,
    long processDefinitionKey,
    String tenantId,
    OffsetDateTime dueDate,
    String state,
    Integer repetitions,
    String cycleInterval) {

  /** A timer that fires once. */
  public TimerRecord(
      long key,
      long elementInstanceKey,
      String elementId,
      long processInstanceKey,
      long processDefinitionKey,
      String tenantId,
      OffsetDateTime dueDate,
      String state) {
    this(
        key,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        processDefinitionKey,
        tenantId,
        dueDate,
        state,
        null,
        null);
  }

  /** Whether another occurrence follows this one (a cycle with repetitions left). */
  public boolean repeats() {
    return repetitions != null && (repetitions < 0 || repetitions > 1);
  }

  public static final String CREATED = "CREATED";
  public static final String TRIGGERED = "TRIGGERED";
  public static final String CANCELED = "CANCELED";
}
