package io.partnerflow.app.form;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the {@link FormState} of a form. The renderer and the {@link FormValidator} both use it,
 * so the browser shows exactly the fields the server will accept.
 *
 * <p>FEEL sees the variables overlaid with the values of visible, editable inputs. Hiding a field
 * removes its value from that context, which may hide others in turn, so the state is iterated to a
 * fixed point; starting from the full entered values (renderer) or from the submitted values
 * (server) both end in the same state.
 */
public final class FormEvaluator {

  private static final int MAX_ROUNDS = 10;

  private final FeelExpressions feel;

  public FormEvaluator(FeelExpressions feel) {
    this.feel = feel;
  }

  public FormState evaluate(
      FormSchema schema, Map<String, Object> variables, Map<String, Object> entered) {
    Map<String, Object> values = keepInputs(schema, entered);
    for (int round = 0; ; round++) {
      Map<String, Object> context = context(variables, values);
      Set<String> hidden = new HashSet<>();
      Set<String> locked = new HashSet<>();
      for (FormComponent component : schema.components()) {
        mark(component, false, context, hidden, locked);
      }
      Map<String, Object> kept = new LinkedHashMap<>();
      for (FormComponent input : schema.inputs()) {
        String path = input.path();
        if (values.containsKey(input.key()) && !hidden.contains(path) && !locked.contains(path)) {
          kept.put(input.key(), values.get(input.key()));
        }
      }
      if (kept.equals(values) || round == MAX_ROUNDS) {
        return new FormState(hidden, locked, options(schema, variables, context), kept, context);
      }
      values = kept;
    }
  }

  /** Variables overlaid with entered values: the context of every FEEL expression of the form. */
  public static Map<String, Object> context(
      Map<String, Object> variables, Map<String, Object> values) {
    Map<String, Object> context = new HashMap<>(variables == null ? Map.of() : variables);
    context.putAll(values);
    return context;
  }

  private static Map<String, Object> keepInputs(FormSchema schema, Map<String, Object> entered) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormComponent input : schema.inputs()) {
      if (entered != null && entered.containsKey(input.key())) {
        values.put(input.key(), entered.get(input.key()));
      }
    }
    return values;
  }

  private void mark(
      FormComponent component,
      boolean parentHidden,
      Map<String, Object> context,
      Set<String> hidden,
      Set<String> locked) {
    boolean isHidden =
        parentHidden || (component.hide() != null && feel.isTrue(component.hide(), context));
    if (isHidden) {
      hidden.add(component.path());
    }
    Flag readonly = component.readonly();
    boolean isReadonly =
        readonly.isExpression() ? feel.isTrue(readonly.expression(), context) : readonly.constant();
    if (isReadonly || component.disabled()) {
      locked.add(component.path());
    }
    for (FormComponent child : component.components()) {
      mark(child, isHidden, context, hidden, locked);
    }
  }

  private Map<String, List<FormOption>> options(
      FormSchema schema, Map<String, Object> variables, Map<String, Object> context) {
    Map<String, List<FormOption>> options = new HashMap<>();
    for (FormComponent input : schema.inputs()) {
      if (ComponentTypes.hasOptions(input.type())) {
        options.put(input.path(), options(input, variables, context));
      }
      if (ComponentTypes.DYNAMICLIST.equals(input.type())) {
        // an entry's choice fields: their static values (the entries are checked against those)
        for (FormComponent entryInput : ItemListRules.inputs(input)) {
          if (ComponentTypes.hasOptions(entryInput.type())) {
            options.put(entryInput.path(), entryInput.values());
          }
        }
      }
    }
    return options;
  }

  /**
   * Static values, else the list in the variable named by valuesKey (from the variables only: a
   * submission must not be able to choose its own options), else valuesExpression.
   */
  private List<FormOption> options(
      FormComponent input, Map<String, Object> variables, Map<String, Object> context) {
    if (input.valuesKey() != null) {
      return toOptions(variables == null ? null : variables.get(input.valuesKey()));
    }
    if (input.valuesExpression() != null) {
      return toOptions(feel.evaluate(input.valuesExpression(), context));
    }
    return input.values();
  }

  private static List<FormOption> toOptions(Object source) {
    if (!(source instanceof Collection<?> entries)) {
      return List.of();
    }
    List<FormOption> options = new ArrayList<>();
    for (Object entry : entries) {
      if (entry != null) {
        options.add(FormOption.from(entry));
      }
    }
    return List.copyOf(options);
  }
}
