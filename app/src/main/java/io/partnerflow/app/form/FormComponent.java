package io.partnerflow.app.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;

/**
 * One component of a form as form-js describes it. {@code path} is its position in the tree ("0",
 * "2.1"), unique within the form even when ids or keys are missing or repeated. {@code properties}
 * keeps the raw JSON for type-specific settings (decimalDigits, subtype, height, ...).
 */
public record FormComponent(
    String path,
    String type,
    String id,
    String key,
    String label,
    String description,
    Object defaultValue,
    Flag readonly,
    boolean disabled,
    ValidationRules validate,
    String hide,
    List<FormOption> values,
    String valuesKey,
    String valuesExpression,
    List<FormComponent> components,
    JsonNode properties) {

  public boolean isInput() {
    return ComponentTypes.isInput(type) && key != null && !key.isBlank();
  }

  /** The name translations are looked up under: the key, or the id for components without one. */
  public String translationKey() {
    return key != null && !key.isBlank() ? key : id;
  }

  public String text(String property) {
    JsonNode node = properties.get(property);
    return node == null || node.isNull() ? null : node.asText();
  }

  public boolean bool(String property) {
    JsonNode node = properties.get(property);
    return node != null && node.asBoolean(false);
  }

  /**
   * This component and every component nested in it, depth first; the components of a dynamic list
   * are its item template, not fields of the form, so they stay inside it.
   */
  public Stream<FormComponent> flatten() {
    if (ComponentTypes.DYNAMICLIST.equals(type)) {
      return Stream.of(this);
    }
    return Stream.concat(Stream.of(this), components.stream().flatMap(FormComponent::flatten));
  }

  /** An integer setting such as a dynamic list's {@code minItems}, or null when absent. */
  public Integer integer(String property) {
    JsonNode node = properties.get(property);
    return node == null || !node.canConvertToInt() ? null : node.asInt();
  }
}
