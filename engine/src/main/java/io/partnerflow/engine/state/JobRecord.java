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
    String tenantId) {

  public static final String ACTIVATABLE = "ACTIVATABLE";
  public static final String ACTIVATED = "ACTIVATED";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";
  public static final String ERROR_THROWN = "ERROR_THROWN";
  public static final String CANCELED = "CANCELED";

  /** A job a worker may still complete, fail or throw an error for. */
  public boolean isOpen() {
    return ACTIVATABLE.equals(state) || ACTIVATED.equals(state);
  }
}
