package io.partnerflow.app.form;

import java.util.Set;

/** The form-js component types this package knows, and which of them carry a value. */
public final class ComponentTypes {

  public static final String TEXTFIELD = "textfield";
  public static final String TEXTAREA = "textarea";
  public static final String NUMBER = "number";
  public static final String CHECKBOX = "checkbox";
  public static final String RADIO = "radio";
  public static final String SELECT = "select";
  public static final String CHECKLIST = "checklist";
  public static final String TAGLIST = "taglist";
  public static final String DATETIME = "datetime";
  public static final String TEXT = "text";
  public static final String GROUP = "group";
  public static final String BUTTON = "button";
  public static final String SPACER = "spacer";
  public static final String SEPARATOR = "separator";
  public static final String FILEPICKER = "filepicker";
  public static final String DYNAMICLIST = "dynamiclist";
  public static final String TABLE = "table";
  public static final String IMAGE = "image";
  public static final String HTML = "html";
  public static final String IFRAME = "iframe";

  private static final Set<String> INPUTS =
      Set.of(
          TEXTFIELD,
          TEXTAREA,
          NUMBER,
          CHECKBOX,
          RADIO,
          SELECT,
          CHECKLIST,
          TAGLIST,
          DATETIME,
          FILEPICKER,
          DYNAMICLIST);
  private static final Set<String> WITH_OPTIONS = Set.of(RADIO, SELECT, CHECKLIST, TAGLIST);
  private static final Set<String> MULTI_VALUED = Set.of(CHECKLIST, TAGLIST);

  private ComponentTypes() {}

  /** A type whose value is collected and submitted under its key. */
  public static boolean isInput(String type) {
    return INPUTS.contains(type);
  }

  public static boolean hasOptions(String type) {
    return WITH_OPTIONS.contains(type);
  }

  public static boolean isMultiValued(String type) {
    return MULTI_VALUED.contains(type);
  }
}
