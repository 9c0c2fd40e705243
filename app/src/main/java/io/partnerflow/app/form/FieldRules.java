package io.partnerflow.app.form;

import static io.partnerflow.app.form.ValidationMessages.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one value against its field: type first (a wrong type ends the check), then required,
 * lengths, pattern, e-mail/phone, limits, decimal digits and option membership.
 */
final class FieldRules {

  /** Text without a maxLength is still bounded, so no submission can carry a novel. */
  static final int DEFAULT_MAX_TEXT = 10_000;

  private static final Logger log = LoggerFactory.getLogger(FieldRules.class);
  private static final Pattern EMAIL_FORMAT = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Pattern PHONE_FORMAT = Pattern.compile("^\\+?[0-9 ()./-]{6,24}$");

  private FieldRules() {}

  static Optional<FieldError> check(FormComponent field, Object value, List<FormOption> options) {
    String key = field.key();
    ValidationRules rules = field.validate();
    if (ComponentTypes.DYNAMICLIST.equals(field.type())) {
      return ItemListRules.check(field, value);
    }
    if (isEmpty(field, value)) {
      return rules.required() ? Optional.of(FieldError.of(key, REQUIRED)) : Optional.empty();
    }
    return switch (field.type()) {
      case ComponentTypes.TEXTFIELD, ComponentTypes.TEXTAREA -> text(field, value);
      case ComponentTypes.NUMBER -> number(field, value);
      case ComponentTypes.CHECKBOX -> checkbox(field, value);
      case ComponentTypes.RADIO, ComponentTypes.SELECT -> choice(key, value, options);
      case ComponentTypes.CHECKLIST, ComponentTypes.TAGLIST -> choices(key, value, options);
      case ComponentTypes.DATETIME -> dateTime(field, value);
      case ComponentTypes.FILEPICKER -> file(key, value);
      default -> Optional.empty();
    };
  }

  /** Null, blank text, an unticked checkbox and an empty list count as "not filled in". */
  private static boolean isEmpty(FormComponent field, Object value) {
    return value == null
        || (value instanceof String text && text.isBlank())
        || (ComponentTypes.CHECKBOX.equals(field.type()) && Boolean.FALSE.equals(value))
        || (value instanceof Collection<?> list && list.isEmpty());
  }

  private static Optional<FieldError> text(FormComponent field, Object value) {
    String key = field.key();
    if (!(value instanceof String text)) {
      return Optional.of(FieldError.of(key, NOT_TEXT));
    }
    ValidationRules rules = field.validate();
    int length = text.codePointCount(0, text.length());
    int maxLength = rules.maxLength() == null ? DEFAULT_MAX_TEXT : rules.maxLength();
    if (rules.minLength() != null && length < rules.minLength()) {
      return Optional.of(FieldError.of(key, MIN_LENGTH, rules.minLength()));
    }
    if (length > maxLength) {
      return Optional.of(FieldError.of(key, MAX_LENGTH, maxLength));
    }
    if (rules.pattern() != null && !matches(rules.pattern(), text, key)) {
      return Optional.of(FieldError.of(key, PATTERN, rules.pattern()));
    }
    if ("email".equals(rules.validationType()) && !EMAIL_FORMAT.matcher(text.trim()).matches()) {
      return Optional.of(FieldError.of(key, EMAIL));
    }
    if ("phone".equals(rules.validationType()) && !PHONE_FORMAT.matcher(text.trim()).matches()) {
      return Optional.of(FieldError.of(key, PHONE));
    }
    return Optional.empty();
  }

  /** Like form-js ({@code RegExp.test}): the pattern must occur; anchor it to match the whole. */
  private static boolean matches(String pattern, String text, String key) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      log.warn("Pattern of form field '{}' is not a valid regular expression: {}", key, pattern);
      return false;
    }
  }

  private static Optional<FieldError> number(FormComponent field, Object value) {
    String key = field.key();
    BigDecimal number = decimal(value, field.bool("serializeToString"));
    if (number == null) {
      return Optional.of(FieldError.of(key, NOT_NUMBER));
    }
    ValidationRules rules = field.validate();
    if (rules.min() != null && number.compareTo(rules.min()) < 0) {
      return Optional.of(FieldError.of(key, MIN, rules.min()));
    }
    if (rules.max() != null && number.compareTo(rules.max()) > 0) {
      return Optional.of(FieldError.of(key, MAX, rules.max()));
    }
    JsonNode digits = field.properties().get("decimalDigits");
    if (digits != null
        && digits.canConvertToInt()
        && number.stripTrailingZeros().scale() > digits.asInt()) {
      return Optional.of(FieldError.of(key, DECIMAL_DIGITS, digits.asInt()));
    }
    return Optional.empty();
  }

  private static BigDecimal decimal(Object value, boolean serializedToString) {
    try {
      if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
        return new BigDecimal(number.toString());
      }
      if (serializedToString && value instanceof String text) {
        return new BigDecimal(text.trim());
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static Optional<FieldError> checkbox(FormComponent field, Object value) {
    return value instanceof Boolean
        ? Optional.empty()
        : Optional.of(FieldError.of(field.key(), NOT_BOOLEAN));
  }

  private static Optional<FieldError> choice(String key, Object value, List<FormOption> options) {
    return isOption(value, options)
        ? Optional.empty()
        : Optional.of(FieldError.of(key, NOT_AN_OPTION, String.valueOf(value)));
  }

  private static Optional<FieldError> choices(String key, Object value, List<FormOption> options) {
    if (!(value instanceof Collection<?> values)) {
      return Optional.of(FieldError.of(key, NOT_LIST));
    }
    Set<Object> seen = new HashSet<>();
    for (Object each : values) {
      if (!isOption(each, options)) {
        return Optional.of(FieldError.of(key, NOT_AN_OPTION, String.valueOf(each)));
      }
      if (!seen.add(each)) {
        return Optional.of(FieldError.of(key, DUPLICATE, String.valueOf(each)));
      }
    }
    return Optional.empty();
  }

  private static boolean isOption(Object value, List<FormOption> options) {
    return value != null && options.stream().anyMatch(option -> option.matches(value));
  }

  /** The file itself was checked at upload; here only that the value has a reference's form. */
  private static Optional<FieldError> file(String key, Object value) {
    return value instanceof String reference && FormFileRef.isReference(reference)
        ? Optional.empty()
        : Optional.of(FieldError.of(key, NOT_FILE));
  }

  private static Optional<FieldError> dateTime(FormComponent field, Object value) {
    String subtype = DateTimeValues.subtype(field);
    if (value instanceof String text && DateTimeValues.isValid(subtype, text)) {
      return Optional.empty();
    }
    String message =
        switch (subtype) {
          case DateTimeValues.TIME -> NOT_TIME;
          case DateTimeValues.DATETIME -> NOT_DATETIME;
          default -> NOT_DATE;
        };
    return Optional.of(FieldError.of(field.key(), message));
  }
}
