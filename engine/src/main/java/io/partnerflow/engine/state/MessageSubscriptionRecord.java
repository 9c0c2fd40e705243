package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/**
 * A process instance waiting for a message at one element instance; {@code state} is WAITING,
 * CORRELATED or DELETED (the element was left another way).
 */
public record MessageSubscriptionRecord(
    long key,
    long elementInstanceKey,
    String elementId,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String messageName,
    String correlationKey,
    String tenantId,
    String state,
    Long messageKey,
    OffsetDateTime created) {

  public static final String WAITING = "WAITING";
  public static final String CORRELATED = "CORRELATED";
  public static final String DELETED = "DELETED";
}
