package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.Mapping;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.state.JsonValues;
import io.partnerflow.engine.state.VariableRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Variable scopes as Camunda 8 documents them. A scope chain lists element instance keys from the
 * innermost scope out to the process instance.
 */
@Component
public class VariableBehavior {

  private final VariableRepository variables;
  private final JsonValues json;
  private final FeelEvaluator feel;

  public VariableBehavior(VariableRepository variables, JsonValues json, FeelEvaluator feel) {
    this.variables = variables;
    this.json = json;
    this.feel = feel;
  }

  /** All variables visible from the innermost scope; inner ones shadow outer ones. */
  public Map<String, Object> visible(List<Long> scopeChain) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = scopeChain.size() - 1; i >= 0; i--) {
      variables
          .findByScope(scopeChain.get(i))
          .forEach((name, value) -> result.put(name, json.read(value)));
    }
    return result;
  }

  public Map<String, Object> local(long scopeKey) {
    Map<String, Object> result = new LinkedHashMap<>();
    variables.findByScope(scopeKey).forEach((name, value) -> result.put(name, json.read(value)));
    return result;
  }

  public void setLocal(long scopeKey, long processInstanceKey, Map<String, Object> values) {
    Map<String, String> jsonValues = new LinkedHashMap<>();
    values.forEach((name, value) -> jsonValues.put(name, json.write(value)));
    variables.setAll(scopeKey, processInstanceKey, jsonValues);
  }

  /**
   * Merges variables into the chain: each one is updated in the innermost scope that already has
   * it, or created in the outermost (process instance) scope.
   */
  public void propagate(
      List<Long> scopeChain, long processInstanceKey, Map<String, Object> values) {
    values.forEach(
        (name, value) -> {
          long target = scopeChain.get(scopeChain.size() - 1);
          for (Long scope : scopeChain) {
            if (variables.find(scope, name).isPresent()) {
              target = scope;
              break;
            }
          }
          variables.set(target, processInstanceKey, name, json.write(value));
        });
  }

  /**
   * Input mappings: evaluated against the flow scope's variables (and the inputs mapped before),
   * stored as local variables of the element. Throws ExpressionException on failure.
   */
  public void applyInputs(
      List<Mapping> mappings, List<Long> flowScopeChain, long elementKey, long processInstanceKey) {
    if (mappings.isEmpty()) {
      return;
    }
    Map<String, Object> context = visible(flowScopeChain);
    Map<String, Object> locals = new LinkedHashMap<>();
    for (Mapping mapping : mappings) {
      Map<String, Object> current = context;
      Object value = feel.evaluate(mapping.source(), () -> current);
      setPath(locals, context, mapping.target(), value);
      context = new LinkedHashMap<>(context);
      context.putAll(locals);
    }
    setLocal(elementKey, processInstanceKey, locals);
  }

  /**
   * Output mappings: evaluated against everything the element sees (its locals included); the
   * results are returned to be propagated from the flow scope.
   */
  public Map<String, Object> evaluateOutputs(List<Mapping> mappings, List<Long> elementChain) {
    Map<String, Object> context = visible(elementChain);
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (Mapping mapping : mappings) {
      Object value = feel.evaluate(mapping.source(), () -> context);
      setPath(outputs, context, mapping.target(), value);
    }
    return outputs;
  }

  /** Sets {@code a.b.c}: the root variable is copied from the context and extended. */
  @SuppressWarnings("unchecked")
  private static void setPath(
      Map<String, Object> target, Map<String, Object> context, String path, Object value) {
    String[] parts = path.split("\\.");
    if (parts.length == 1) {
      target.put(path, value);
      return;
    }
    Object rootValue = target.containsKey(parts[0]) ? target.get(parts[0]) : context.get(parts[0]);
    Map<String, Object> root =
        rootValue instanceof Map<?, ?> map
            ? deepCopy((Map<String, Object>) map)
            : new LinkedHashMap<>();
    target.put(parts[0], root);
    Map<String, Object> current = root;
    for (int i = 1; i < parts.length - 1; i++) {
      Object next = current.get(parts[i]);
      Map<String, Object> child =
          next instanceof Map<?, ?> map
              ? deepCopy((Map<String, Object>) map)
              : new LinkedHashMap<>();
      current.put(parts[i], child);
      current = child;
    }
    current.put(parts[parts.length - 1], value);
  }

  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    return new LinkedHashMap<>(map);
  }
}
