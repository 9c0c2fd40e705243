package io.partnerflow.engine.deployment;

import io.partnerflow.engine.expression.Expression;
import java.util.Map;

/**
 * zeebe:calledElement of a call activity: the called process id (static or FEEL; its latest version
 * is called) and which variables cross: {@code propagateAllParentVariables} (default true) copies
 * every variable visible at the call activity into the child, otherwise only the call activity's
 * local ones (its input mappings); {@code propagateAllChildVariables} (default true) returns the
 * child's root variables to the call activity.
 */
public record CalledElement(
    Expression processId, boolean propagateAllParentVariables, boolean propagateAllChildVariables) {

  /**
   * What of the completed child's root variables reaches the call activity, as in Camunda 8: with
   * output mappings all of them (local to the call activity; the mappings pick what leaves),
   * without them all or nothing by {@code propagateAllChildVariables}.
   */
  public Map<String, Object> returnedVariables(
      Map<String, Object> childVariables, boolean hasOutputMappings) {
    return hasOutputMappings || propagateAllChildVariables ? childVariables : Map.of();
  }
}
