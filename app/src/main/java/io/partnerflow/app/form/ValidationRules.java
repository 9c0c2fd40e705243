package io.partnerflow.app.form;

import java.math.BigDecimal;

/** The {@code validate} object of a form-js component; absent limits are null. */
public record ValidationRules(
    boolean required,
    Integer minLength,
    Integer maxLength,
    BigDecimal min,
    BigDecimal max,
    String pattern,
    String validationType) {

  public static final ValidationRules NONE =
      new ValidationRules(false, null, null, null, null, null, null);
}
