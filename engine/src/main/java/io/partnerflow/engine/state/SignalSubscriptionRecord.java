package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/**
 * Something that waits for a signal (engine.signal_subscription): a signal start event of the
 * latest version of a process ({@code processInstanceKey} and {@code elementInstanceKey} null), or
 * the element instance {@code elementInstanceKey} holding the subscription for the event {@code
 * elementId} (the catch event itself, a boundary event's host, an event sub-process's scope, an
 * event-based gateway).
 */
public record SignalSubscriptionRecord(
    long key,
    String signalName,
    String tenantId,
    long processDefinitionKey,
    String bpmnProcessId,
    String elementId,
    Long processInstanceKey,
    Long elementInstanceKey,
    OffsetDateTime created) {

  /** A process's signal start event: a broadcast creates an instance. */
  public boolean startEvent() {
    return elementInstanceKey == null;
  }
}
