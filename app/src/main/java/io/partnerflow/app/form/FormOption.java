package io.partnerflow.app.form;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** One choice of a radio, select, checklist or taglist: what is shown and what is submitted. */
public record FormOption(String label, Object value) {

  /**
   * Reads an entry of a {@code valuesKey} variable or a {@code valuesExpression} result: either
   * {@code {label, value}} or a plain value that is its own label.
   */
  public static FormOption from(Object entry) {
    if (entry instanceof Map<?, ?> map) {
      Object value = map.get("value");
      Object label = map.containsKey("label") ? map.get("label") : value;
      return new FormOption(String.valueOf(label), value);
    }
    return new FormOption(String.valueOf(entry), entry);
  }

  /** Whether a submitted value selects this option; numbers compare by value (1 equals 1.0). */
  public boolean matches(Object candidate) {
    if (Objects.equals(value, candidate)) {
      return true;
    }
    if (value instanceof Number a && candidate instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return false;
  }
}
