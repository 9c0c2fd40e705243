package io.partnerflow.engine.processing;

import java.util.List;
import java.util.Map;

/**
 * One activate instruction of a process instance modification: the element to activate, the
 * ancestor element instance to activate it in (null: the one active instance of each flow scope,
 * created when there is none) and the variables to set before, each in the scope of the element
 * with {@code scopeId} (the element itself or one of its flow scopes; null: the process instance).
 */
public record ModificationActivation(
    String elementId, Long ancestorElementInstanceKey, List<ScopedVariables> variables) {

  /** Variables for one scope; {@code scopeId} null: the process instance (global). */
  public record ScopedVariables(String scopeId, Map<String, Object> variables) {}
}
