package io.partnerflow.engine.deployment;

/**
 * What an element does when it runs. The deployment classifies every flow node into one kind; a
 * kind is deployable only when a processor for it is registered ({@link SupportedElements}). Kinds
 * without processors yet are listed so that adding one needs only a new processor.
 */
public enum ElementKind {
  PROCESS("PROCESS"),
  NONE_START_EVENT("START_EVENT"),
  MESSAGE_START_EVENT("START_EVENT"),
  TIMER_START_EVENT("START_EVENT"),
  /** A signal start event of the process: a broadcast creates an instance. */
  SIGNAL_START_EVENT("START_EVENT"),
  /** The error start event of an event sub-process. */
  ERROR_START_EVENT("START_EVENT"),
  /** The timer start event of an event sub-process (not of the process). */
  EVENT_SUB_PROCESS_TIMER_START_EVENT("START_EVENT"),
  /** The message start event of an event sub-process (not of the process). */
  EVENT_SUB_PROCESS_MESSAGE_START_EVENT("START_EVENT"),
  /** The signal start event of an event sub-process. */
  EVENT_SUB_PROCESS_SIGNAL_START_EVENT("START_EVENT"),
  /** The escalation start event of an event sub-process. */
  EVENT_SUB_PROCESS_ESCALATION_START_EVENT("START_EVENT"),
  NONE_END_EVENT("END_EVENT"),
  ERROR_END_EVENT("END_EVENT"),
  /** A message end event: a job (zeebe:taskDefinition), as a send task. */
  MESSAGE_END_EVENT("END_EVENT"),
  TERMINATE_END_EVENT("END_EVENT"),
  /** A signal end event: broadcasts its signal and ends. */
  SIGNAL_END_EVENT("END_EVENT"),
  /** An escalation end event: throws its escalation and ends. */
  ESCALATION_END_EVENT("END_EVENT"),
  INTERMEDIATE_NONE_THROW_EVENT("INTERMEDIATE_THROW_EVENT"),
  /** An intermediate message throw event: a job (zeebe:taskDefinition), as a send task. */
  INTERMEDIATE_MESSAGE_THROW_EVENT("INTERMEDIATE_THROW_EVENT"),
  /** An intermediate signal throw event: broadcasts its signal and goes on. */
  INTERMEDIATE_SIGNAL_THROW_EVENT("INTERMEDIATE_THROW_EVENT"),
  /** An intermediate escalation throw event: throws its escalation and goes on unless caught. */
  INTERMEDIATE_ESCALATION_THROW_EVENT("INTERMEDIATE_THROW_EVENT"),
  INTERMEDIATE_MESSAGE_CATCH_EVENT("INTERMEDIATE_CATCH_EVENT"),
  INTERMEDIATE_SIGNAL_CATCH_EVENT("INTERMEDIATE_CATCH_EVENT"),
  INTERMEDIATE_TIMER_CATCH_EVENT("INTERMEDIATE_CATCH_EVENT"),
  BOUNDARY_MESSAGE_EVENT("BOUNDARY_EVENT"),
  BOUNDARY_TIMER_EVENT("BOUNDARY_EVENT"),
  BOUNDARY_ERROR_EVENT("BOUNDARY_EVENT"),
  BOUNDARY_SIGNAL_EVENT("BOUNDARY_EVENT"),
  BOUNDARY_ESCALATION_EVENT("BOUNDARY_EVENT"),
  SERVICE_TASK("SERVICE_TASK"),
  SEND_TASK("SEND_TASK"),
  /** A script task executed by a job worker (zeebe:taskDefinition). */
  SCRIPT_TASK("SCRIPT_TASK"),
  /** A script task with an inline FEEL zeebe:script. */
  FEEL_SCRIPT_TASK("SCRIPT_TASK"),
  /** A business rule task that evaluates a DMN decision (zeebe:calledDecision). */
  BUSINESS_RULE_TASK("BUSINESS_RULE_TASK"),
  /** A business rule task executed by a job worker. */
  JOB_BUSINESS_RULE_TASK("BUSINESS_RULE_TASK"),
  /** A Camunda user task (zeebe:userTask). */
  USER_TASK("USER_TASK"),
  /** A job-worker based user task (no zeebe:userTask). */
  JOB_USER_TASK("USER_TASK"),
  RECEIVE_TASK("RECEIVE_TASK"),
  MANUAL_TASK("MANUAL_TASK"),
  UNDEFINED_TASK("TASK"),
  EXCLUSIVE_GATEWAY("EXCLUSIVE_GATEWAY"),
  PARALLEL_GATEWAY("PARALLEL_GATEWAY"),
  INCLUSIVE_GATEWAY("INCLUSIVE_GATEWAY"),
  EVENT_BASED_GATEWAY("EVENT_BASED_GATEWAY"),
  SUB_PROCESS("SUB_PROCESS"),
  EVENT_SUB_PROCESS("EVENT_SUB_PROCESS"),
  CALL_ACTIVITY("CALL_ACTIVITY"),
  /**
   * The container of a multi-instance activity's inner instances. Never classified from a node: the
   * transformer wraps a multi-instance activity in one (same id, the activity as its inner one).
   */
  MULTI_INSTANCE_BODY("MULTI_INSTANCE_BODY");

  private final String bpmnElementType;

  ElementKind(String bpmnElementType) {
    this.bpmnElementType = bpmnElementType;
  }

  /** The element type as the Camunda API reports it (element instance {@code type}). */
  public String bpmnElementType() {
    return bpmnElementType;
  }
}
