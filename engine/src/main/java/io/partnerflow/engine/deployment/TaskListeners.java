package io.partnerflow.engine.deployment;

import java.util.List;

/**
 * zeebe:taskListeners of a Camunda user task, by Camunda 8.8 event type (CREATING, ASSIGNING,
 * UPDATING, COMPLETING, CANCELING; the older names create, assignment, ... count as these).
 */
public record TaskListeners(List<Listener> listeners) {

  public static final String CREATING = "CREATING";
  public static final String ASSIGNING = "ASSIGNING";
  public static final String UPDATING = "UPDATING";
  public static final String COMPLETING = "COMPLETING";
  public static final String CANCELING = "CANCELING";

  /** The listeners of one event type, in model order. */
  public List<Listener> of(String eventType) {
    return listeners.stream().filter(l -> l.eventType().equals(eventType)).toList();
  }
}
