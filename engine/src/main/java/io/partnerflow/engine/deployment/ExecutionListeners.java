package io.partnerflow.engine.deployment;

import java.util.List;

/**
 * zeebe:executionListeners of an element or the process: the start listeners (run in model order
 * after the input mappings, before the element's own behaviour) and the end listeners (after the
 * output mappings, before the element is left).
 */
public record ExecutionListeners(List<Listener> start, List<Listener> end) {

  public static final String START = "START";
  public static final String END = "END";

  public List<Listener> of(String eventType) {
    return START.equals(eventType) ? start : end;
  }

  public boolean isEmpty() {
    return start.isEmpty() && end.isEmpty();
  }
}
