package io.partnerflow.app.form;

/** Message keys of validation errors, translated in {@code i18n/form.properties}. */
public final class ValidationMessages {

  public static final String REQUIRED = "form.error.required";
  public static final String MIN_LENGTH = "form.error.minLength";
  public static final String MAX_LENGTH = "form.error.maxLength";
  public static final String MIN = "form.error.min";
  public static final String MAX = "form.error.max";
  public static final String DECIMAL_DIGITS = "form.error.decimalDigits";
  public static final String PATTERN = "form.error.pattern";
  public static final String EMAIL = "form.error.email";
  public static final String PHONE = "form.error.phone";
  public static final String NOT_AN_OPTION = "form.error.option";
  public static final String DUPLICATE = "form.error.duplicate";
  public static final String NOT_TEXT = "form.error.type.text";
  public static final String NOT_NUMBER = "form.error.type.number";
  public static final String NOT_BOOLEAN = "form.error.type.boolean";
  public static final String NOT_LIST = "form.error.type.list";
  public static final String NOT_DATE = "form.error.type.date";
  public static final String NOT_TIME = "form.error.type.time";
  public static final String NOT_DATETIME = "form.error.type.datetime";
  public static final String UNKNOWN_FIELD = "form.error.unknownField";
  public static final String NOT_EDITABLE = "form.error.notEditable";
  public static final String HIDDEN = "form.error.hidden";
  public static final String NOT_FILE = "form.error.type.file";
  public static final String FILE_UNKNOWN = "form.error.file.unknown";
  public static final String FILE_TOO_LARGE = "form.error.file.tooLarge";
  public static final String FILE_TYPE = "form.error.file.type";
  public static final String FILE_EMPTY = "form.error.file.empty";
  public static final String NOT_ITEMS = "form.error.type.items";
  public static final String MIN_ITEMS = "form.error.minItems";
  public static final String MAX_ITEMS = "form.error.maxItems";

  private ValidationMessages() {}
}
