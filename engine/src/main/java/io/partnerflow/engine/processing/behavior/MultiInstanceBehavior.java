package io.partnerflow.engine.processing.behavior;

import io.partnerflow.engine.deployment.MultiInstanceDefinition;
import io.partnerflow.engine.expression.Expression;
import io.partnerflow.engine.expression.ExpressionException;
import io.partnerflow.engine.expression.FeelEvaluator;
import io.partnerflow.engine.expression.VariableLookup;
import io.partnerflow.engine.state.ElementInstanceRecord;
import io.partnerflow.engine.state.ElementInstanceRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The variables and expressions of a multi-instance body, as Camunda 8 documents them: the input
 * collection, each inner instance's local {@code loopCounter} (from 1) and input element, the
 * output collection (a local list of the body, one slot per item, filled at the item's index and
 * propagated when the body completes) and the completion condition with its counters.
 */
@Component
public class MultiInstanceBehavior {

  public static final String LOOP_COUNTER = "loopCounter";

  /** An output element that only reads a variable (or a property of it): {@code result.x}. */
  private static final Pattern VARIABLE_PATH =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)(\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*\\s*");

  private final FeelEvaluator feel;
  private final VariableBehavior variables;
  private final ElementInstanceRepository elementInstances;

  public MultiInstanceBehavior(
      FeelEvaluator feel, VariableBehavior variables, ElementInstanceRepository elementInstances) {
    this.feel = feel;
    this.variables = variables;
    this.elementInstances = elementInstances;
  }

  /** The items to iterate over; must be a list, else an ExpressionException. */
  public List<Object> inputCollection(MultiInstanceDefinition loop, VariableLookup bodyVariables) {
    return feel.evaluateList(loop.inputCollection(), bodyVariables);
  }

  /**
   * The local variables of the inner instance for the item at {@code loopCounter} (from 1): the
   * loop counter, the input element, and the output element's variable initialised with null when
   * the output element only reads a variable, so that a worker's result stays in the instance.
   */
  public Map<String, Object> loopVariables(
      MultiInstanceDefinition loop, List<Object> items, int loopCounter) {
    Map<String, Object> locals = new LinkedHashMap<>();
    String outputVariable = outputElementVariable(loop.outputElement());
    if (outputVariable != null && !outputVariable.equals(loop.inputElement())) {
      locals.put(outputVariable, null);
    }
    if (loop.inputElement() != null) {
      locals.put(loop.inputElement(), items.get(loopCounter - 1));
    }
    locals.put(LOOP_COUNTER, (long) loopCounter);
    return locals;
  }

  /** The body's output collection: a list of nulls, one per item. */
  public void initOutputCollection(
      MultiInstanceDefinition loop, long bodyKey, long processInstanceKey, int size) {
    if (loop.outputCollection() == null) {
      return;
    }
    variables.setLocal(
        bodyKey,
        processInstanceKey,
        Collections.singletonMap(
            loop.outputCollection(), new ArrayList<>(Collections.nCopies(size, null))));
  }

  /** The loop counter of a completing inner instance (its local variable). */
  public int loopCounter(VariableLookup innerVariables) {
    Object value = innerVariables.variables().get(LOOP_COUNTER);
    if (value instanceof Number number) {
      return number.intValue();
    }
    throw new ExpressionException(
        "Expected the inner instance's local variable 'loopCounter' to be a number, but was '%s'"
            .formatted(value));
  }

  /** Puts the completing inner instance's output element at its index of the output collection. */
  public void collectOutput(
      MultiInstanceDefinition loop,
      VariableLookup innerVariables,
      int loopCounter,
      long bodyKey,
      long processInstanceKey) {
    if (loop.outputCollection() == null) {
      return;
    }
    Object element =
        loop.outputElement() == null ? null : feel.evaluate(loop.outputElement(), innerVariables);
    String name = loop.outputCollection();
    Object current = variables.local(bodyKey).get(name);
    if (!(current instanceof List<?> list)) {
      throw new ExpressionException(
          ("Unable to update an item in output collection '%s' because it is not a list: %s. This"
                  + " may happen when multiple BPMN elements write to the same variable.")
              .formatted(name, current));
    }
    if (loopCounter > list.size()) {
      throw new ExpressionException(
          ("Unable to update an item in output collection '%s' at position %d because the size of"
                  + " the collection is: %d. This may happen when multiple BPMN elements write to"
                  + " the same variable.")
              .formatted(name, loopCounter, list.size()));
    }
    List<Object> updated = new ArrayList<>(list);
    updated.set(loopCounter - 1, element);
    variables.setLocal(bodyKey, processInstanceKey, Collections.singletonMap(name, updated));
  }

  /**
   * Evaluates the completion condition for a completing inner instance: in its scope, with {@code
   * numberOfInstances}, {@code numberOfActiveInstances}, {@code numberOfCompletedInstances} and
   * {@code numberOfTerminatedInstances} of the body taking precedence (counting the completing
   * instance as completed). False without a condition.
   */
  public boolean completionConditionMet(
      MultiInstanceDefinition loop, List<Long> innerScopeChain, ElementInstanceRecord body) {
    Expression condition = loop.completionCondition();
    if (condition == null) {
      return false;
    }
    Map<String, Integer> counts =
        elementInstances.countChildrenByState(body.processInstanceKey(), body.key());
    int active = counts.getOrDefault(ElementInstanceRecord.ACTIVE, 0);
    int completed = counts.getOrDefault(ElementInstanceRecord.COMPLETED, 0);
    int terminated = counts.getOrDefault(ElementInstanceRecord.TERMINATED, 0);
    Map<String, Object> context = new HashMap<>(variables.visible(innerScopeChain));
    context.put("numberOfInstances", (long) (active + completed + terminated));
    context.put("numberOfActiveInstances", (long) (active - 1));
    context.put("numberOfCompletedInstances", (long) (completed + 1));
    context.put("numberOfTerminatedInstances", (long) terminated);
    return feel.evaluateBoolean(condition, () -> context);
  }

  /** When the body completes: its output collection goes to the flow scope (propagated). */
  public void propagateOutputCollection(
      MultiInstanceDefinition loop,
      long bodyKey,
      List<Long> flowScopeChain,
      long processInstanceKey) {
    if (loop.outputCollection() == null) {
      return;
    }
    Object collection = variables.local(bodyKey).get(loop.outputCollection());
    variables.propagate(
        flowScopeChain,
        processInstanceKey,
        Collections.singletonMap(loop.outputCollection(), collection));
  }

  private static String outputElementVariable(Expression outputElement) {
    if (outputElement == null || !outputElement.feel()) {
      return null;
    }
    Matcher matcher = VARIABLE_PATH.matcher(outputElement.source());
    if (!matcher.matches() || isFeelKeyword(matcher.group(1))) {
      return null;
    }
    String name = matcher.group(1);
    return LOOP_COUNTER.equals(name) ? null : name;
  }

  private static boolean isFeelKeyword(String name) {
    return switch (name) {
      case "null", "true", "false", "not" -> true;
      default -> false;
    };
  }
}
