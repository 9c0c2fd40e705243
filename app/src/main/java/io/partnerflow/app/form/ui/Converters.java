package io.partnerflow.app.form.ui;

import io.partnerflow.app.form.FormOption;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The converters of the built-in field types; empty field values become null. */
final class Converters {

  private Converters() {}

  static final ValueConverter<String> TEXT =
      new ValueConverter<>() {
        @Override
        public String toField(Object formValue, List<FormOption> options) {
          return String.valueOf(formValue);
        }

        @Override
        public Object toForm(String fieldValue, List<FormOption> options) {
          return fieldValue == null || fieldValue.isEmpty() ? null : fieldValue;
        }
      };

  static final ValueConverter<Boolean> BOOLEAN =
      new ValueConverter<>() {
        @Override
        public Boolean toField(Object formValue, List<FormOption> options) {
          return Boolean.TRUE.equals(formValue) || "true".equals(formValue);
        }

        @Override
        public Object toForm(Boolean fieldValue, List<FormOption> options) {
          return Boolean.TRUE.equals(fieldValue);
        }
      };

  static final ValueConverter<FormOption> SINGLE_OPTION =
      new ValueConverter<>() {
        @Override
        public FormOption toField(Object formValue, List<FormOption> options) {
          return options.stream()
              .filter(option -> option.matches(formValue))
              .findFirst()
              .orElse(null);
        }

        @Override
        public Object toForm(FormOption fieldValue, List<FormOption> options) {
          return fieldValue == null ? null : fieldValue.value();
        }
      };

  /** Lists keep the order of the options, not the order of clicking. */
  static final ValueConverter<Set<FormOption>> OPTION_SET =
      new ValueConverter<>() {
        @Override
        public Set<FormOption> toField(Object formValue, List<FormOption> options) {
          Set<FormOption> chosen = new LinkedHashSet<>();
          if (formValue instanceof Collection<?> values) {
            for (FormOption option : options) {
              if (values.stream().anyMatch(option::matches)) {
                chosen.add(option);
              }
            }
          }
          return chosen;
        }

        @Override
        public Object toForm(Set<FormOption> fieldValue, List<FormOption> options) {
          if (fieldValue == null || fieldValue.isEmpty()) {
            return null;
          }
          List<Object> values = new ArrayList<>();
          for (FormOption option : options) {
            if (fieldValue.contains(option)) {
              values.add(option.value());
            }
          }
          return values;
        }
      };

  /** Whole numbers as Long, others as BigDecimal; as a string when the form asks for it. */
  static ValueConverter<BigDecimal> number(boolean serializeToString) {
    return new ValueConverter<>() {
      @Override
      public BigDecimal toField(Object formValue, List<FormOption> options) {
        try {
          return new BigDecimal(String.valueOf(formValue).trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }

      @Override
      public Object toForm(BigDecimal fieldValue, List<FormOption> options) {
        if (fieldValue == null) {
          return null;
        }
        BigDecimal value = fieldValue.stripTrailingZeros();
        if (serializeToString) {
          return value.toPlainString();
        }
        if (value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
          return value.longValueExact();
        }
        return value;
      }
    };
  }
}
