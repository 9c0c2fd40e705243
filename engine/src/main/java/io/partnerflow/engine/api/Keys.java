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

  static String format(Long key) {
    return key == null ? null : Long.toString(key);
  }
}
