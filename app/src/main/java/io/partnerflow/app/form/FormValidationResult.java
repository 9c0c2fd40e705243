package io.partnerflow.app.form;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link FormValidator#validate}: the errors, and the accepted values (visible,
 * editable fields only) to hand to the process when there are none.
 */
public record FormValidationResult(List<FieldError> errors, Map<String, Object> values) {

  public FormValidationResult {
    errors = List.copyOf(errors);
    values = Collections.unmodifiableMap(values);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  public List<FieldError> errorsOf(String key) {
    return errors.stream().filter(error -> error.key().equals(key)).toList();
  }
}
