package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/**
 * A job for a worker. {@code state}: ACTIVATABLE (waiting for a worker, from {@code availableAt}),
 * ACTIVATED (held by a worker until {@code deadline}), COMPLETED, FAILED (no retries left, an
 * incident is open), ERROR_THROWN, CANCELED.
 */
public record JobRecord(
    long key,
    String type,
    String kind,
    String state,
    int retries,
    String worker,
    OffsetDateTime deadline,
    OffsetDateTime availableAt,
    String errorMessage,
    String customHeadersJson,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    long processDefinitionKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    String tenantId,
    String listenerEventType,
    Integer listenerIndex) {

  public static final String ACTIVATABLE = "ACTIVATABLE";
  public static final String ACTIVATED = "ACTIVATED";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";
  public static final String ERROR_THROWN = "ERROR_THROWN";
  public static final String CANCELED = "CANCELED";

  /** {@code kind}: the job of a job-worker element. */
  public static final String BPMN_ELEMENT = "BPMN_ELEMENT";

  /** {@code kind}: an execution listener's job ({@code listenerEventType} START or END). */
  public static final String EXECUTION_LISTENER = "EXECUTION_LISTENER";

  /** {@code kind}: a user task listener's job ({@code listenerEventType} CREATING, ...). */
  public static final String TASK_LISTENER = "TASK_LISTENER";

  public boolean isListener() {
    return EXECUTION_LISTENER.equals(kind) || TASK_LISTENER.equals(kind);
  }

  /** A job a worker may still complete, fail or throw an error for. */
  public boolean isOpen() {
    return ACTIVATABLE.equals(state) || ACTIVATED.equals(state);
  }
}
