package io.partnerflow.engine.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Small DMN models for the decision tests, read from {@code src/test/resources/dmn/}. Tests share
 * one database, so every placeholder {@code ${id}} is replaced by a unique suffix: decision ids
 * become e.g. {@code tier-1a2b3c4d}.
 */
final class DmnFixtures {

  private DmnFixtures() {}

  /** The DMN text of {@code dmn/<name>.dmn} with {@code ${id}} replaced by {@code suffix}. */
  static String dmn(String name, String suffix) {
    try (InputStream in = DmnFixtures.class.getResourceAsStream("/dmn/" + name + ".dmn")) {
      if (in == null) {
        throw new IllegalArgumentException("No test DMN named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${id}", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
