package io.partnerflow.engine.state;

import java.time.OffsetDateTime;

/**
 * A process instance; {@code state} is ACTIVE, COMPLETED or TERMINATED. Instances created by a call
 * activity know the calling instance, its call activity's element instance and the root of their
 * tree; all three are null for an instance started on its own. (Whether an instance has incidents
 * is a question of the read side: {@link ProcessInstanceView}.)
 */
public record ProcessInstanceRecord(
    long key,
    long processDefinitionKey,
    String bpmnProcessId,
    int version,
    String tenantId,
    String state,
    OffsetDateTime startDate,
    OffsetDateTime endDate,
    Long parentProcessInstanceKey,
    Long parentElementInstanceKey,
    Long rootProcessInstanceKey) {

  public static final String ACTIVE = "ACTIVE";
  public static final String COMPLETED = "COMPLETED";
  public static final String TERMINATED = "TERMINATED";

  /** An instance started on its own (not by a call activity). */
  public ProcessInstanceRecord(
      long key,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String tenantId,
      String state,
      OffsetDateTime startDate,
      OffsetDateTime endDate) {
    this(
        key,
        processDefinitionKey,
        bpmnProcessId,
        version,
        tenantId,
        state,
        startDate,
        endDate,
        null,
        null,
        null);
  }

  /** Created by a call activity of another instance. */
  public boolean isCalled() {
    return parentElementInstanceKey != null;
  }

  /** The instance whose row is locked for every change in this instance's tree. */
  public long lockKey() {
    return rootProcessInstanceKey == null ? key : rootProcessInstanceKey;
  }

  public boolean isActive() {
    return ACTIVE.equals(state);
  }
}
