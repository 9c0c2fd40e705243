package io.partnerflow.engine.api;

import io.partnerflow.engine.problem.EngineException;

/** Keys travel as JSON strings (the client parses them with Long.parseLong). */
final class Keys {

  private Keys() {}

  static Long parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw EngineException.invalid(
          "Expected '%s' to be a key (a 64-bit number as string), but was '%s'"
              .formatted(field, value));
    }
  }

  /** A key in a URL path; anything but a number is a 400. */
  static long parsePath(String what, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw EngineException.invalid(
          "Expected the %s key in the path to be a 64-bit number, but was '%s'"
              .formatted(what, value));
    }
  }

  /** The one path segment between prefix and suffix, or null when the path has another shape. */
  static String between(String path, String prefix, String suffix) {
    int end = path.length() - suffix.length();
    if (end <= prefix.length() || !path.startsWith(prefix) || !path.endsWith(suffix)) {
      return null;
    }
    String segment = path.substring(prefix.length(), end);
    return segment.indexOf('/') < 0 ? segment : null;
  }

  static String format(Long key) {
    return key == null ? null : Long.toString(key);
  }
}
