package io.partnerflow.app.form;

import static io.partnerflow.app.form.ValidationMessages.MAX_ITEMS;
import static io.partnerflow.app.form.ValidationMessages.MIN_ITEMS;
import static io.partnerflow.app.form.ValidationMessages.NOT_ITEMS;
import static io.partnerflow.app.form.ValidationMessages.UNKNOWN_FIELD;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dynamic list's value: a list of entries (maps), as many as {@code minItems}..{@code maxItems}
 * allow (at most {@link #DEFAULT_MAX_ITEMS} without a limit), each entry holding only the keys of
 * the list's own inputs and each value passing that input's rules. Nested conditions are not
 * evaluated per entry: every input of an entry is checked.
 */
final class ItemListRules {

  /** Without maxItems a list is still bounded, so no submission can carry thousands of entries. */
  static final int DEFAULT_MAX_ITEMS = 100;

  private ItemListRules() {}

  static Optional<FieldError> check(FormComponent list, Object value) {
    String key = list.key();
    Collection<?> entries = value == null ? List.of() : null;
    if (value instanceof Collection<?> given) {
      entries = given;
    }
    if (entries == null) {
      return Optional.of(FieldError.of(key, NOT_ITEMS));
    }
    Integer min = list.integer("minItems");
    Integer max = list.integer("maxItems");
    if (min != null && entries.size() < min) {
      return Optional.of(FieldError.of(key, MIN_ITEMS, min));
    }
    int limit = max == null ? DEFAULT_MAX_ITEMS : max;
    if (entries.size() > limit) {
      return Optional.of(FieldError.of(key, MAX_ITEMS, limit));
    }
    List<FormComponent> inputs = inputs(list);
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> fields)) {
        return Optional.of(FieldError.of(key, NOT_ITEMS));
      }
      Optional<FieldError> error = entry(key, inputs, fields);
      if (error.isPresent()) {
        return error;
      }
    }
    return Optional.empty();
  }

  /** The inputs of one entry: the list's components, groups flattened. */
  static List<FormComponent> inputs(FormComponent list) {
    List<FormComponent> inputs = new ArrayList<>();
    list.components().stream()
        .flatMap(FormComponent::flatten)
        .filter(FormComponent::isInput)
        .forEach(inputs::add);
    return inputs;
  }

  private static Optional<FieldError> entry(
      String listKey, List<FormComponent> inputs, Map<?, ?> fields) {
    for (Object name : fields.keySet()) {
      if (inputs.stream().noneMatch(input -> input.key().equals(name))) {
        return Optional.of(FieldError.of(listKey, UNKNOWN_FIELD, String.valueOf(name)));
      }
    }
    for (FormComponent input : inputs) {
      Optional<FieldError> error = FieldRules.check(input, fields.get(input.key()), input.values());
      if (error.isPresent()) {
        // shown on the list, whose entries have no field of their own in the form's errors
        FieldError inner = error.get();
        return Optional.of(new FieldError(listKey, inner.messageKey(), inner.args()));
      }
    }
    return Optional.empty();
  }
}
