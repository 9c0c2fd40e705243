package io.partnerflow.app.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A rejected value: the field key, a message key of the {@code form} translation bundle and its
 * arguments ({@code {0}}, {@code {1}} in the message).
 */
public record FieldError(String key, String messageKey, List<Object> args) {

  public FieldError {
    // arguments echo submitted values, which may be null
    args = Collections.unmodifiableList(new ArrayList<>(args));
  }

  public static FieldError of(String key, String messageKey, Object... args) {
    return new FieldError(key, messageKey, Arrays.asList(args));
  }
}
