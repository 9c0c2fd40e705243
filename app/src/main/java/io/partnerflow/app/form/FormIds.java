package io.partnerflow.app.form;

import java.util.regex.Pattern;

/** Form ids become classpath file names: only plain names, never a path. */
final class FormIds {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}");

  private FormIds() {}

  static boolean isSafe(String formId) {
    return formId != null && SAFE.matcher(formId).matches() && !formId.contains("..");
  }
}
